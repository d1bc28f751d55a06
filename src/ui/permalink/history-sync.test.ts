import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUrlWriter } from './history-sync.ts';

/** A stand-in for window.location + history that records writes. */
function fakeWindow() {
  const writes: { kind: 'push' | 'replace'; hash: string; at: number }[] = [];
  const location = { hash: '', origin: 'https://x.test', pathname: '/', search: '' };
  const record = (kind: 'push' | 'replace') => (_data: unknown, _unused: string, url: string) => {
    location.hash = url;
    writes.push({ kind, hash: url, at: Date.now() });
  };
  vi.stubGlobal('window', { location, history: { state: null, pushState: record('push'), replaceState: record('replace') } });
  return { writes, location };
}

describe('createUrlWriter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('writes edits at most once per 500 ms, always ending with the latest', () => {
    const { writes } = fakeWindow();
    const writer = createUrlWriter('v=1', 500, () => Date.now());
    // An edit every 20 ms for 2 s.
    for (let i = 1; i <= 100; i++) {
      writer.replaceSoon(`v=1&l1.sigma=${i}`);
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(1000);
    expect(writes.every((w) => w.kind === 'replace')).toBe(true);
    expect(writes.length).toBeGreaterThanOrEqual(4);
    expect(writes.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < writes.length; i++) expect(writes[i].at - writes[i - 1].at).toBeGreaterThanOrEqual(500);
    expect(writes[writes.length - 1].hash).toBe('#v=1&l1.sigma=100');
  });

  it('writes the first edit after a pause at once', () => {
    const { writes } = fakeWindow();
    const writer = createUrlWriter('v=1', 500, () => Date.now());
    vi.advanceTimersByTime(5000);
    writer.replaceSoon('v=1&l1.sigma=2');
    vi.advanceTimersByTime(0);
    expect(writes.map((w) => w.hash)).toEqual(['#v=1&l1.sigma=2']);
  });

  it('pushes deliberate steps at once, superseding a pending edit, and skips writes that change nothing', () => {
    const { writes, location } = fakeWindow();
    const writer = createUrlWriter('v=1', 500, () => Date.now());
    writer.replaceSoon('v=1&l1.sigma=2');
    vi.advanceTimersByTime(0);
    writer.replaceSoon('v=1&l1.sigma=3');
    writer.push('v=1&l1.loss.id=abs');
    vi.advanceTimersByTime(2000);
    expect(writes.map((w) => [w.kind, w.hash])).toEqual([
      ['replace', '#v=1&l1.sigma=2'],
      ['push', '#v=1&l1.loss.id=abs'],
    ]);
    writer.push('v=1&l1.loss.id=abs');
    location.hash = '';
    writer.replaceNow('v=1');
    expect(writes).toHaveLength(2);
  });

  it('keeps page parameters of the fragment (classroom mode) when rewriting the state', () => {
    const { writes, location } = fakeWindow();
    location.hash = '#v=1&l1.sigma=2&classroom=1';
    const writer = createUrlWriter('v=1', 500, () => Date.now());
    writer.replaceNow('v=1&l1.sigma=3');
    expect(writes.map((w) => w.hash)).toEqual(['#v=1&l1.sigma=3&classroom=1']);
  });

  it('forgets a pending edit when cancelled (Back has already set the address)', () => {
    const { writes } = fakeWindow();
    const writer = createUrlWriter('v=1', 500, () => Date.now());
    writer.replaceSoon('v=1&l1.sigma=2');
    vi.advanceTimersByTime(0);
    writer.replaceSoon('v=1&l1.sigma=3');
    writer.cancel();
    vi.advanceTimersByTime(2000);
    expect(writes.map((w) => w.hash)).toEqual(['#v=1&l1.sigma=2']);
  });
});
