/**
 * Gauss–Hermite nodes and weights for E_{z∼N(0,1)} f(z) (probabilists' form: Σ w_k f(z_k), Σ w_k = 1),
 * by Newton's method on the orthonormal Hermite recurrence (Numerical Recipes' gauher, then rescaled).
 */
export interface Quadrature {
  nodes: Float64Array;
  weights: Float64Array;
}

export function gaussHermite(n: number): Quadrature {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const pim4 = Math.pow(Math.PI, -0.25);
  const half = (n + 1) >> 1;
  let z = 0;
  for (let i = 0; i < half; i++) {
    // Standard initial guesses for the largest roots, then from the previous roots.
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * Math.pow(2 * n + 1, -0.16667);
    else if (i === 1) z -= (1.14 * Math.pow(n, 0.426)) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * x[0];
    else if (i === 3) z = 1.91 * z - 0.91 * x[1];
    else z = 2 * z - x[i - 2];
    let pp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p1 = pim4;
      let p2 = 0;
      for (let j = 0; j < n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / (j + 1)) * p2 - Math.sqrt(j / (j + 1)) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 1e-15 * Math.max(1, Math.abs(z))) break;
    }
    x[i] = z;
    x[n - 1 - i] = -z;
    w[i] = 2 / (pp * pp);
    w[n - 1 - i] = w[i];
  }
  // Physicists' nodes/weights (weight e^{−t²}) → probabilists': z = √2·t, weights / √π.
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    nodes[k] = Math.SQRT2 * x[n - 1 - k];
    weights[k] = w[n - 1 - k] / Math.sqrt(Math.PI);
  }
  return { nodes, weights };
}
