/** A TrainLoop host for tests: responses are collected, scheduled tasks run when `drain` is called, the clock is real. */
import type { TrainResponse } from '../train-protocol.ts';

export function loopHost() {
  const out: TrainResponse[] = [];
  const tasks: (() => Promise<void>)[] = [];
  /** The delay each task was scheduled with, in order (0 when none was given). */
  const delays: number[] = [];
  return {
    out,
    delays,
    host: {
      post: (r: TrainResponse) => out.push(r),
      schedule: (t: () => Promise<void>, delayMs = 0) => {
        tasks.push(t);
        delays.push(delayMs);
      },
      now: () => performance.now(),
    },
    /** How many tasks are waiting to run. */
    get scheduled() {
      return tasks.length;
    },
    /** Runs up to `rounds` scheduled tasks, each to its end (a chunk schedules the next one as it ends). */
    async drain(rounds: number) {
      for (let k = 0; k < rounds && tasks.length; k++) await (tasks.shift() as () => Promise<void>)();
    },
  };
}
