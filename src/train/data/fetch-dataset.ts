/**
 * Downloads the shipped Fashion-MNIST files for the app (in the page or in a worker): byte-level progress,
 * sha256 checked, decompressed with the platform's DecompressionStream, and kept in Cache Storage so a
 * classroom machine downloads them once. Every failure is a DatasetLoadError whose message a user can act on.
 */
import type { ArrayDataset } from './array-dataset.ts';
import { FASHION_MNIST_FILES, FASHION_MNIST_FOLDER, fashionMnistDataset, IDX_ROLES, type ShippedFile } from './fashion-mnist.ts';
import { isGzip } from './idx.ts';
import type { IdxFiles, IdxRole } from './image-dataset.ts';

export interface LoadProgress {
  /** Bytes received so far, over all files (cached files count as received at once). */
  loaded: number;
  total: number;
  /** loaded / total, in [0, 1]. */
  fraction: number;
  /** The file being received. */
  file: string;
}

export class DatasetLoadError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'DatasetLoadError';
  }
}

/** The parts of the Cache Storage API used here (absent on insecure origins, in Node, or when storage is off). */
export interface CacheStorageLike {
  open(name: string): Promise<{ match(url: string): Promise<Response | undefined>; put(url: string, response: Response): Promise<void>; delete(url: string): Promise<boolean> }>;
}

export interface LoadOptions {
  /** The app's base URL (Vite's import.meta.env.BASE_URL, resolved against the page), ending in '/'. */
  baseUrl: string;
  onProgress?: (p: LoadProgress) => void;
  signal?: AbortSignal;
  /** Defaults to the global fetch and caches (null: no caching). */
  fetch?: typeof fetch;
  caches?: CacheStorageLike | null;
}

/** Bump when the files change, so old caches are not read. */
export const DATASET_CACHE = 'sam-bayes-lab-datasets-v1';

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The body, chunk by chunk, reporting each chunk's size. */
async function readBody(response: Response, onChunk: (chunk: Uint8Array) => void): Promise<Uint8Array> {
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    onChunk(whole);
    return whole;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    onChunk(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The shipped file's checksum for the form that arrived: the .gz, or the IDX a server decoded on the way. */
const expectedSha = (file: ShippedFile, bytes: Uint8Array) => (isGzip(bytes) ? file.sha256 : file.rawSha256);

/**
 * The four files, decompressed. A server may send the .gz as it is or with `Content-Encoding: gzip` (Vite's
 * preview does), in which case the browser hands over the decoded IDX: both forms are checked against their
 * sha256 and cached as they arrived. Progress counts in .gz bytes either way (a decoded body is scaled by
 * its size ratio), so the bar moves evenly whatever the server does.
 */
export async function loadFashionMnistFiles(options: LoadOptions): Promise<IdxFiles> {
  const doFetch = options.fetch ?? fetch;
  const storage = options.caches === undefined ? ((globalThis as { caches?: CacheStorageLike }).caches ?? null) : options.caches;
  // Storage refused (private mode, quota) or absent: download every time, which still works.
  const cache = storage ? await storage.open(DATASET_CACHE).catch(() => null) : null;
  const total = IDX_ROLES.reduce((sum, role) => sum + FASHION_MNIST_FILES[role].bytes, 0);
  let loaded = 0;
  const report = (file: string) => options.onProgress?.({ loaded, total, fraction: Math.min(1, loaded / total), file });
  const out: Partial<IdxFiles> = {};
  for (const role of IDX_ROLES) {
    const file = FASHION_MNIST_FILES[role];
    const { name } = file;
    const url = new URL(`${FASHION_MNIST_FOLDER}/${name}`, options.baseUrl).href;
    const start = loaded;
    let bytes: Uint8Array | null = null;
    const cached = await cache?.match(url).catch(() => undefined);
    if (cached) {
      const candidate = new Uint8Array(await cached.arrayBuffer());
      if ((await sha256Hex(candidate)) === expectedSha(file, candidate)) bytes = candidate;
      else await cache?.delete(url).catch(() => false);
    }
    if (!bytes) {
      let response: Response;
      try {
        response = await doFetch(url, { signal: options.signal });
      } catch (e) {
        if (options.signal?.aborted) throw e;
        throw new DatasetLoadError(`Could not download ${name} (network error: ${describe(e)}). Check the connection and try again.`, name);
      }
      if (!response.ok) throw new DatasetLoadError(`Could not download ${name}: the server answered ${response.status} ${response.statusText}.`.replace(' .', '.'), name);
      let received = 0;
      let scale = 1;
      try {
        bytes = await readBody(response, (chunk) => {
          if (received === 0) scale = isGzip(chunk) ? 1 : file.bytes / file.rawBytes;
          received += chunk.length;
          loaded = start + Math.min(file.bytes, Math.round(received * scale));
          report(name);
        });
      } catch (e) {
        if (options.signal?.aborted) throw e;
        throw new DatasetLoadError(`The download of ${name} broke off (${describe(e)}). Try again.`, name);
      }
      if ((await sha256Hex(bytes)) !== expectedSha(file, bytes)) throw new DatasetLoadError(`${name} arrived damaged (its sha256 is not the shipped file's). Try again.`, name);
      await cache?.put(url, new Response(bytes as Uint8Array<ArrayBuffer>)).catch(() => undefined);
    }
    loaded = start + file.bytes;
    report(name);
    try {
      out[role] = isGzip(bytes) ? await gunzip(bytes) : bytes;
    } catch (e) {
      throw new DatasetLoadError(`${name} could not be decompressed (${describe(e)}).`, name);
    }
  }
  return out as IdxFiles;
}

/**
 * What a panel or worker calls when the experiment opens: the shipped files downloaded (or read from the
 * cache), checked and parsed, as the dataset of `tr.dataset.size` training images. An IdxError here means a
 * file is not what it should be; a DatasetLoadError that it could not be fetched.
 */
export async function loadFashionMnist(options: LoadOptions, trainSize: number): Promise<ArrayDataset> {
  return fashionMnistDataset(await loadFashionMnistFiles(options), trainSize);
}

export type { IdxRole };
