/**
 * `next` with every part that equals the same part of `prev` replaced by `prev`'s object, so a state
 * restored from a link (hashchange, Back, a tour step) keeps the identity of what did not change. Memos
 * and effects keyed on those objects then do nothing: a link that changed one field of the 1-D panel
 * re-created every panel's state and made one 300–1300 ms main-thread task re-running all of them.
 * Only plain objects and arrays are walked (the state is JSON); anything else is compared with Object.is.
 */
export function shareUnchanged<T>(prev: T, next: T): T {
  if (Object.is(prev, next) || !isWalkable(prev) || !isWalkable(next) || Array.isArray(prev) !== Array.isArray(next)) return next;
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const keys = Object.keys(n);
  let same = keys.length === Object.keys(p).length;
  const out: Record<string, unknown> = Array.isArray(next) ? (new Array(keys.length) as unknown as Record<string, unknown>) : {};
  for (const key of keys) {
    const shared = Object.hasOwn(p, key) ? shareUnchanged(p[key], n[key]) : n[key];
    if (!Object.is(shared, p[key]) || !Object.hasOwn(p, key)) same = false;
    out[key] = shared;
  }
  return same ? prev : (out as T);
}

function isWalkable(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return Array.isArray(v) || proto === Object.prototype || proto === null;
}
