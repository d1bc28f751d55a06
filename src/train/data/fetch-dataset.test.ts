import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FASHION_MNIST_FILES, fashionMnistDataset } from './fashion-mnist.ts';
import { DatasetLoadError, loadFashionMnist, loadFashionMnistFiles, type CacheStorageLike, type LoadProgress } from './fetch-dataset.ts';

const PUBLIC = fileURLToPath(new URL('../../../public/', import.meta.url));

/** Cache Storage as the browser keeps it: responses by URL, bodies copied. (Node has no Cache Storage.) */
function memoryCaches(): CacheStorageLike & { stored: Map<string, Uint8Array> } {
  const stored = new Map<string, Uint8Array>();
  const cache = {
    match: async (url: string) => (stored.has(url) ? new Response(stored.get(url) as Uint8Array<ArrayBuffer>) : undefined),
    put: async (url: string, r: Response) => void stored.set(url, new Uint8Array(await r.arrayBuffer())),
    delete: async (url: string) => stored.delete(url),
  };
  return { stored, open: async () => cache };
}

/** A real HTTP server over public/, counting requests; `broken` answers 404 for one file. */
let server: Server;
let base = '';
const requests: string[] = [];
let broken: string | null = null;
let corrupt: string | null = null;
/** Serve the .gz as Vite's preview does: `Content-Encoding: gzip`, so fetch hands over the decoded IDX. */
let encoded = false;
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (broken && path.endsWith(broken)) {
      res.writeHead(404, 'Not Found').end();
      return;
    }
    try {
      const body = readFileSync(PUBLIC + path.slice('/app/'.length));
      if (corrupt && path.endsWith(corrupt)) body[body.length - 10] ^= 0xff;
      res.writeHead(200, { 'Content-Length': body.length, ...(encoded ? { 'Content-Encoding': 'gzip' } : {}) }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('loadFashionMnistFiles', () => {
  it('downloads with byte progress up to 100%, decompresses, caches; the second load makes no request', async () => {
    const caches = memoryCaches();
    const progress: LoadProgress[] = [];
    requests.length = 0;
    const files = await loadFashionMnistFiles({ baseUrl: base, caches, onProgress: (p) => progress.push(p) });
    expect(requests).toHaveLength(4);
    const d = fashionMnistDataset(files, 60_000);
    expect([d.train.labels.length, d.test.labels.length]).toEqual([60_000, 10_000]);
    const total = Object.values(FASHION_MNIST_FILES).reduce((s, f) => s + f.bytes, 0);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every((p, i) => p.total === total && (i === 0 || p.loaded >= progress[i - 1].loaded))).toBe(true);
    expect(progress.at(-1)).toMatchObject({ loaded: total, fraction: 1 });
    expect(caches.stored.size).toBe(4);

    requests.length = 0;
    const again = await loadFashionMnistFiles({ baseUrl: base, caches });
    expect(requests).toHaveLength(0);
    expect(again.trainLabels).toEqual(files.trainLabels);
    const data = await loadFashionMnist({ baseUrl: base, caches }, 500);
    expect([data.train.labels.length, data.test.labels.length, data.classes, data.classNames?.[9]]).toEqual([500, 10_000, 10, 'Ankle boot']);
  }, 60_000);

  it('says plainly which file failed: a 404, a damaged download (not cached), no server', async () => {
    broken = 't10k-labels-idx1-ubyte.gz';
    await expect(loadFashionMnistFiles({ baseUrl: base, caches: null })).rejects.toThrow(
      new DatasetLoadError('Could not download t10k-labels-idx1-ubyte.gz: the server answered 404 Not Found.', 't10k-labels-idx1-ubyte.gz'),
    );
    broken = null;
    corrupt = 'train-labels-idx1-ubyte.gz';
    const caches = memoryCaches();
    await expect(loadFashionMnistFiles({ baseUrl: base, caches })).rejects.toThrow(/train-labels-idx1-ubyte.gz arrived damaged/);
    expect([...caches.stored.keys()].some((k) => k.endsWith(corrupt as string))).toBe(false);
    corrupt = null;
    await expect(loadFashionMnistFiles({ baseUrl: 'http://127.0.0.1:9/', caches: null })).rejects.toThrow(/Could not download train-images-idx3-ubyte.gz \(network error/);
  }, 60_000);

  it('a server that sends Content-Encoding: gzip (Vite preview): the decoded files are checked, cached, and progress still runs evenly to 100%', async () => {
    encoded = true;
    try {
      const caches = memoryCaches();
      const progress: LoadProgress[] = [];
      const files = await loadFashionMnistFiles({ baseUrl: base, caches, onProgress: (p) => progress.push(p) });
      expect(fashionMnistDataset(files, 10).test.labels.length).toBe(10_000);
      const total = Object.values(FASHION_MNIST_FILES).reduce((s, f) => s + f.bytes, 0);
      expect(progress.at(-1)).toMatchObject({ loaded: total, fraction: 1 });
      // The decoded body is larger than the .gz: scaled, the count keeps moving to the end of each file
      // instead of reaching the .gz size early and standing still (the bar would sit there for seconds).
      const images = progress.filter((p) => p.file === 'train-images-idx3-ubyte.gz');
      const repeats = images.filter((p, i) => i > 0 && p.loaded === images[i - 1].loaded).length;
      expect(images.length).toBeGreaterThan(20);
      expect(repeats / images.length).toBeLessThan(0.05);
      expect([...caches.stored.values()].map((b) => b.length).sort((a, b) => a - b)).toEqual(Object.values(FASHION_MNIST_FILES).map((f) => f.rawBytes).sort((a, b) => a - b));
      requests.length = 0;
      await loadFashionMnistFiles({ baseUrl: base, caches });
      expect(requests).toHaveLength(0);
    } finally {
      encoded = false;
    }
  }, 60_000);
});
