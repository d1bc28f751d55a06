/** A fake experiment-worker host for tests: posted responses collected, scheduled tasks run on drain(). */
import type { ExperimentResponse } from '../experiment-protocol.ts';

export function experimentHost() {
  const out: ExperimentResponse[] = [];
  const tasks: (() => Promise<void>)[] = [];
  return {
    out,
    host: { post: (r: ExperimentResponse) => out.push(r), schedule: (t: () => Promise<void>) => tasks.push(t), now: () => performance.now() },
    async drain(rounds = 100_000) {
      for (let k = 0; k < rounds && tasks.length; k++) await (tasks.shift() as () => Promise<void>)();
    },
  };
}
