/**
 * Test images the model gets most confidently wrong and is most unsure about, each with its class
 * probabilities under the mean weights and under bSAM's model average, so the variance effect is seen on
 * real pictures. Images are drawn on small canvases (putImageData, cheap); at most 12 per group.
 */
import { useEffect, useMemo, useRef } from 'react';
import { classBars, imagePixels } from './gallery-image.ts';
import { MAX_GALLERY, selectGallery } from './gallery-select.ts';
import type { GalleryItem } from './gallery-select.ts';
import type { TestPredictions } from './run-result.ts';
import './results.css';

export interface GalleryProps {
  /** The run's last test-set predictions. */
  predictions: TestPredictions;
  /** Test images, row-major (images × rows·cols), values in [0, 1]. */
  x: Float32Array;
  rows: number;
  cols: number;
  /** Test labels, one per image. */
  labels: ArrayLike<number>;
  /** Class names by label (e.g. T-shirt/top, Trouser, …). */
  classNames: readonly string[];
  /** Images per group, at most 12. */
  k?: number;
  /** Names the run in the heading, e.g. "bSAM, seed 0". */
  runLabel?: string;
  testId?: string;
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

function TestImage({ x, index, rows, cols, label }: { x: Float32Array; index: number; rows: number; cols: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(imagePixels(x, index, rows, cols), cols, rows), 0, 0);
  }, [x, index, rows, cols]);
  return <canvas ref={ref} width={cols} height={rows} role="img" aria-label={label} data-index={index} />;
}

function Bar({ p, kind }: { p: number; kind: 'mean' | 'bayes' }) {
  return (
    <span className={`gallery-bar gallery-bar-${kind}`} title={`${kind === 'mean' ? 'mean weights' : 'model average'}: ${percent(p)}`}>
      <span className="gallery-bar-fill" style={{ width: percent(p) }} />
    </span>
  );
}

function Tile({ item, props }: { item: GalleryItem; props: GalleryProps }) {
  const { predictions, x, rows, cols, classNames } = props;
  const name = (c: number) => classNames[c] ?? `class ${c}`;
  const bars = classBars(predictions.mean, predictions.bayes, predictions.classes, item.index);
  return (
    <li>
      <figure data-testid="gallery-item" data-index={item.index}>
        <TestImage x={x} index={item.index} rows={rows} cols={cols} label={`Test image ${item.index} (true class: ${name(item.label)})`} />
        <figcaption>
          <div>
            True: <strong>{name(item.label)}</strong>
          </div>
          <div>Mean weights say: {name(item.predicted)}</div>
          <table className="gallery-probs">
            <caption className="visually-hidden">Class probabilities of test image {item.index}</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">Class</th>
                <th scope="col">Mean weights</th>
                {predictions.bayes && <th scope="col">Model average</th>}
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{name(b.label)}</th>
                  <td>
                    <Bar p={b.mean} kind="mean" />
                    <span className="visually-hidden">{percent(b.mean)}</span>
                  </td>
                  {b.bayes !== null && (
                    <td>
                      <Bar p={b.bayes} kind="bayes" />
                      <span className="visually-hidden">{percent(b.bayes)}</span>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </figcaption>
      </figure>
    </li>
  );
}

function Group({ title, note, items, props, testId }: { title: string; note: string; items: GalleryItem[]; props: GalleryProps; testId: string }) {
  return (
    <section data-testid={testId}>
      <h4>{title}</h4>
      <p className="gallery-note">{note}</p>
      {items.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="results-gallery">
          {items.map((item) => (
            <Tile key={item.index} item={item} props={props} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function Gallery(props: GalleryProps) {
  const { predictions, x, rows, cols, labels, k = MAX_GALLERY, runLabel, testId = 'gallery' } = props;
  const selection = useMemo(() => {
    if (x.length !== labels.length * rows * cols) return { error: `the test images (${x.length} pixels) do not match ${labels.length} labels of ${rows} × ${cols} pixels` };
    try {
      return { value: selectGallery(predictions, labels, k) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [predictions, x, rows, cols, labels, k]);
  if (selection.error !== undefined) {
    return (
      <p className="gallery-error" role="alert" data-testid={testId}>
        The gallery cannot be shown: {selection.error}.
      </p>
    );
  }
  const s = selection.value;
  const legend = predictions.bayes ? 'Dark bars: mean weights; light bars: bSAM’s model average.' : 'Bars: mean weights (this run has no model average).';
  return (
    <div className="gallery" data-testid={testId}>
      <h3>Test images{runLabel ? ` — ${runLabel}` : ''}</h3>
      <p className="gallery-note">{legend}</p>
      <Group title="Most confident mistakes" note="Wrong under the mean weights, most confident first." items={s.mistakes} props={props} testId={`${testId}-mistakes`} />
      <Group
        title="Most uncertain images"
        note={`Highest predictive entropy under the ${s.uncertaintyFrom === 'bayes' ? 'model average' : 'mean weights'}.`}
        items={s.uncertain}
        props={props}
        testId={`${testId}-uncertain`}
      />
    </div>
  );
}
