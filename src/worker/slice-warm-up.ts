/**
 * WebAssembly starts in V8's baseline compiler and moves to the optimising one only once a function has run a
 * while: the first slice computed after the page loaded paid for that (2.5 s against 1.9 s for the next ones).
 * A slice worker therefore runs the slice's kernels (matrix products, elu and relu, axpy) a few dozen times on a
 * throwaway network as soon as it starts, in the ~0.3 s before anyone can ask it for a slice.
 */
import { ArenaMlp } from '../train/dense/arena-mlp.ts';

/** Returns the throwaway network's last loss (a test checks it is finite: the kernels really ran). */
export function warmUpSliceKernels(passes = 40): number {
  const rows = 100;
  const mlp = new ArenaMlp({ sizes: [2, 32, 32, 32, 32, 1], activation: 'elu', maxRows: rows, scratch: 2 * rows * 32 });
  mlp.setData(
    Float32Array.from({ length: 2 * rows }, (_, i) => Math.sin(i)),
    Int32Array.from({ length: rows }, (_, i) => i % 2),
    rows,
  );
  const P = mlp.params.length;
  for (let i = 0; i < P; i++) mlp.params[i] = 0.2 * Math.cos(i);
  const z = mlp.arena.alloc(rows * 32);
  const h = mlp.arena.alloc(rows * 32);
  let loss = Number.NaN;
  for (let k = 0; k < passes; k++) {
    mlp.lossAndGradient();
    mlp.arena.axpy(mlp.params, mlp.params, mlp.gradient, -1e-3, P);
    loss = mlp.loss();
    mlp.arena.activate('relu', z, h, rows * 32);
  }
  return loss;
}
