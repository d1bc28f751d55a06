/**
 * The user's own IDX files inside the experiment worker: sorted, checked and kept once (decompressed bytes,
 * not floats: a table is built per training-set size when a run starts, as for Fashion-MNIST). Every problem
 * becomes one message naming the file, and a bad set leaves the last good one in place.
 */
import { FASHION_MNIST_TRAIN_SIZE } from '../state/training.ts';
import type { ArrayDataset, OwnIdxFiles } from '../train/data/index.ts';
import { identifyOwnFiles, ownDataset } from '../train/data/index.ts';
import type { ExperimentTestSet } from './experiment-protocol.ts';
import type { LoadOwnRequest, OwnDataResponse, OwnDataSummary } from './experiment-own-data-protocol.ts';

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));
const count = (n: number) => n.toLocaleString('en');

/** Gallery names for classes that have none: "class 3". */
export const ownClassNames = (classes: number): string[] => Array.from({ length: classes }, (_, c) => `class ${c}`);

export interface OwnLoadResult {
  response: OwnDataResponse;
  transfer: Transferable[];
}

export class OwnDataStore {
  private own: OwnIdxFiles | null = null;
  private summary: OwnDataSummary | null = null;

  get loaded(): OwnDataSummary | null {
    return this.summary;
  }

  async load(request: LoadOwnRequest): Promise<OwnLoadResult> {
    try {
      const own = await identifyOwnFiles(request.files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })));
      // One training image is enough to check every file (buildImageDataset parses and checks them all)
      // without converting 60,000 images to floats that no run asked for yet.
      const probe = ownDataset(own, 1);
      const summary = summarise(own, probe);
      const test: ExperimentTestSet = { x: probe.test.x, labels: probe.test.labels, rows: summary.rows, cols: summary.cols, classNames: ownClassNames(summary.classes) };
      this.own = own;
      this.summary = summary;
      return { response: { type: 'own-loaded', summary, test }, transfer: [test.x.buffer, test.labels.buffer] };
    } catch (e) {
      return { response: { type: 'own-error', message: describe(e) }, transfer: [] };
    }
  }

  /** The table runs of `size` training images train on, or why there is none. */
  table(size: number): ArrayDataset | string {
    if (!this.own || !this.summary) return 'your own IDX files are not loaded in this page (a link cannot carry files): load the four files again';
    const available = Math.min(this.summary.trainImages, FASHION_MNIST_TRAIN_SIZE);
    if (size > available) return `your training set has ${count(available)} images: set “Training images” to ${count(available)} or fewer`;
    return ownDataset(this.own, size);
  }
}

function summarise(own: OwnIdxFiles, probe: ArrayDataset): OwnDataSummary {
  const trainLabels = own.files.trainLabels;
  // The header's count and every training label (the probe kept only the first): which classes are used.
  const view = new DataView(trainLabels.buffer, trainLabels.byteOffset, trainLabels.byteLength);
  const n = view.getUint32(4, false);
  const used = new Uint8Array(probe.classes);
  for (let i = 0; i < n; i++) used[trainLabels[8 + i]] = 1;
  const unusedClasses = [...used.keys()].filter((c) => used[c] === 0);
  const image = probe.image ?? { rows: 0, cols: 0 };
  return { name: own.names.trainImages, files: own.names, trainImages: n, testImages: probe.test.labels.length, rows: image.rows, cols: image.cols, classes: probe.classes, unusedClasses };
}
