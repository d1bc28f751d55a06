import { describe, expect, it } from 'vitest';
import { blobFromChunks } from './chunked-blob.ts';

/** A clock that advances `step` ms per read, and a pause that records when it was called. */
function fakeTime(step: number) {
  let t = 0;
  const pauses: number[] = [];
  return {
    now: () => (t += step),
    pause: async () => {
      pauses.push(t);
    },
    pauses,
  };
}

describe('blobFromChunks', () => {
  it('holds the chunks in order', async () => {
    const blob = await blobFromChunks(['a,b\n', '1,2\n', '3,4\n'], 'text/csv');
    expect(await blob.text()).toBe('a,b\n1,2\n3,4\n');
    expect(blob.type).toBe('text/csv');
  });

  it('gives the event loop a turn whenever a slice has used its budget', async () => {
    const time = fakeTime(10);
    const chunks = Array.from({ length: 12 }, (_, i) => `${i}\n`);
    const blob = await blobFromChunks(chunks, 'text/plain', { budgetMs: 25, now: time.now, pause: time.pause });
    expect(await blob.text()).toBe(chunks.join(''));
    // 10 ms per chunk against a 25 ms budget: a pause every third chunk.
    expect(time.pauses.length).toBe(4);
  });

  it('never pauses when the work fits in one slice', async () => {
    const time = fakeTime(0);
    await blobFromChunks(['x', 'y'], 'text/plain', { now: time.now, pause: time.pause });
    expect(time.pauses).toEqual([]);
  });

  it('pulls chunks lazily, one slice at a time', async () => {
    const time = fakeTime(10);
    let made = 0;
    function* chunks() {
      for (let i = 0; i < 6; i++) {
        made++;
        yield String(i);
      }
    }
    const madeAtPause: number[] = [];
    await blobFromChunks(chunks(), 'text/plain', { budgetMs: 25, now: time.now, pause: async () => void madeAtPause.push(made) });
    expect(madeAtPause[0]).toBeLessThan(6);
  });
});
