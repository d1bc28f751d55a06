/** A TrainLoop host for tests: responses are collected, scheduled tasks run when `drain` is called, the clock is real. */
import type { TrainResponse } from '../train-protocol.ts';

export function loopHost() {
  const out: TrainResponse[] = [];
  const tasks: (() => void)[] = [];
  return {
    out,
    host: { post: (r: TrainResponse) => out.push(r), schedule: (t: () => void) => tasks.push(t), now: () => performance.now() },
    drain(rounds: number) {
      for (let k = 0; k < rounds && tasks.length; k++) (tasks.shift() as () => void)();
    },
  };
}
