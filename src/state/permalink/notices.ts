import type { Action } from './leaf-codec.ts';

/** One thing in a link or state file that could not be used as written, and what was done instead. */
export interface LinkNotice {
  /** The link key (`l1.sigma`), or `v` for the version. */
  key: string;
  problem: string;
  action: Action;
}

export type { Action as NoticeAction };

export function describeNotice(n: LinkNotice): string {
  const what = { ignored: 'ignored', clamped: 'adjusted', defaulted: 'default used' }[n.action];
  return `${n.key}: ${n.problem} (${what})`;
}
