import { describe, expect, it } from 'vitest';
import { inlineStyleText, isTransparent, localUrls, portableFontFamily, px } from './style-inline.ts';

const lookup = (values: Record<string, string>) => (p: string) => values[p] ?? '';

describe('inlineStyleText', () => {
  it('writes every set inherited property on the root, with a portable font list', () => {
    const text = inlineStyleText(lookup({ fill: 'rgb(0, 0, 0)', 'font-family': 'system-ui, sans-serif', 'font-size': '14px', opacity: '1' }), null);
    expect(text).toBe('fill: rgb(0, 0, 0); font-family: system-ui, sans-serif; font-size: 14px');
  });
  it('skips inherited values equal to the parent’s and initial non-inherited ones', () => {
    const parent = lookup({ fill: 'none', stroke: 'rgb(1, 2, 3)', 'font-size': '11px' });
    const own = lookup({ fill: 'none', stroke: 'rgb(9, 9, 9)', 'font-size': '11px', opacity: '0.4', 'mix-blend-mode': 'normal' });
    expect(inlineStyleText(own, parent)).toBe('stroke: rgb(9, 9, 9); opacity: 0.4');
  });
});

describe('portableFontFamily', () => {
  it('adds a generic family where the list has none', () => {
    expect(portableFontFamily('KaTeX_Math')).toBe('KaTeX_Math, serif');
    expect(portableFontFamily('"Helvetica Neue", Arial')).toBe('"Helvetica Neue", Arial, sans-serif');
  });
  it('keeps lists that already end in a generic family', () => {
    expect(portableFontFamily('system-ui, -apple-system')).toBe('system-ui, -apple-system');
    expect(portableFontFamily('Menlo, monospace')).toBe('Menlo, monospace');
  });
});

describe('colour and length helpers', () => {
  it('knows transparent colours', () => {
    expect(isTransparent('rgba(0, 0, 0, 0)')).toBe(true);
    expect(isTransparent('transparent')).toBe(true);
    expect(isTransparent('rgb(255 255 255 / 0)')).toBe(true);
    expect(isTransparent('rgba(0, 0, 0, 0.5)')).toBe(false);
    expect(isTransparent('rgb(255, 255, 255)')).toBe(false);
  });
  it('reads pixel lengths only', () => {
    expect(px('2.5px')).toBe(2.5);
    expect(px('50%')).toBe(0);
    expect(px('auto')).toBe(0);
  });
});

describe('localUrls (gradients and patterns in a saved file)', () => {
  it('turns the absolute url a computed style gives back into a reference inside the file', () => {
    expect(localUrls('url("http://127.0.0.1:4208/#v=1&x=2#msigma-grad")')).toBe('url(#msigma-grad)');
    expect(localUrls("url('https://a.b/c?d#hatch-inf')")).toBe('url(#hatch-inf)');
    expect(localUrls('url(#already)')).toBe('url(#already)');
    expect(localUrls('rgb(1, 2, 3)')).toBe('rgb(1, 2, 3)');
  });
  it('is applied to every inlined paint', () => {
    expect(inlineStyleText(lookup({ fill: 'url("http://h/p#g")' }), null)).toBe('fill: url(#g)');
  });
});
