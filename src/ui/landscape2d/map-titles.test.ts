import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { MAPS_2D } from '../../state/experiment.ts';
import { mapTitle } from './map-titles.ts';

describe('2-D map titles', () => {
  it('name the map’s variables x and y and the parameter each map depends on', () => {
    const t = Object.fromEntries(MAPS_2D.map((name) => [name, mapTitle(name, 0.3, 0.05)]));
    for (const name of MAPS_2D) {
      expect(t[name].tex, name).toContain('(x, y)');
      expect(t[name].plain, name).toContain('(x, y)');
      expect(t[name].plain, name).not.toContain('(m)');
    }
    expect(t.loss.param).toBe('');
    expect(t.expected.param).toBe('σ = 0.3');
    expect(t.relaxed.param).toBe('σ = 0.3');
    expect(t.sam.param).toBe('ρ = 0.05');
    expect(mapTitle('sam', 0.3, 0.5).plain).toContain('ρ = 0.5');
  });

  it('are valid TeX for KaTeX', () => {
    for (const name of MAPS_2D) expect(() => katex.renderToString(mapTitle(name, 1, 1).tex, { throwOnError: true }), name).not.toThrow();
  });
});
