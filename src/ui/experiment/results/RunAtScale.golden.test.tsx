import { describe, expect, it } from 'vitest';
import { FASHION_LIVE, FASHION_OFFICIAL } from '../../../state/training-presets.ts';
import { toOfficialArgs } from '../../../state/official-args.ts';
import { renderHtml } from './html-golden.ts';
import { RunAtScale } from './RunAtScale.tsx';

describe('run it at scale, golden markup', () => {
  it('shows each run’s official command lines and warnings behind a disclosure', async () => {
    const html = renderHtml(<RunAtScale configs={[FASHION_OFFICIAL, FASHION_LIVE]} />);
    await expect(html).toMatchFileSnapshot('goldens/run-at-scale.html');
    expect(html).toContain('<summary>Run it at scale</summary>');
    expect(html).toContain(toOfficialArgs(FASHION_OFFICIAL).trainLine);
    expect(html).toContain(toOfficialArgs(FASHION_LIVE).testLine);
    expect(html.match(/data-testid="run-at-scale-run"/g)).toHaveLength(2);
  });
});
