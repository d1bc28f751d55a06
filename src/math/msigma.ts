// TEMPORARY STUB (being replaced): (m, σ) grids of expected, biconjugate and their gap.
import { computeLandscape1D } from './landscape1d.ts';
import type { MSigmaGrid, MSigmaInput } from './landscape1d.types.ts';

export function computeMSigmaGrid(input: MSigmaInput): MSigmaGrid {
  const { mPoints, sigmaPoints } = input;
  const sigma = new Float64Array(sigmaPoints);
  for (let j = 0; j < sigmaPoints; j++)
    sigma[j] = input.sigmaFrom * Math.pow(input.sigmaTo / input.sigmaFrom, sigmaPoints === 1 ? 0 : j / (sigmaPoints - 1));
  const expected = new Float64Array(mPoints * sigmaPoints);
  const biconjugate = new Float64Array(mPoints * sigmaPoints);
  const gap = new Float64Array(mPoints * sigmaPoints);
  let m: Float64Array = new Float64Array(mPoints);
  for (let j = 0; j < sigmaPoints; j++) {
    const l = computeLandscape1D({ loss: input.loss, from: input.mFrom, to: input.mTo, points: mPoints, sigma: sigma[j], rho: 0 });
    m = l.theta;
    for (let i = 0; i < mPoints; i++) {
      expected[j * mPoints + i] = l.expected[i];
      biconjugate[j * mPoints + i] = l.biconjugate[i];
      gap[j * mPoints + i] = l.biconjugate[i] - l.expected[i];
    }
  }
  return { m, sigma, expected, biconjugate, gap, warnings: [] };
}
