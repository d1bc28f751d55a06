import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The same as `npx tsx src/cli/main.ts …` (what `npm run cli` does), minus the npx and tsx-wrapper
 * start-up: node itself with tsx's loader, about twice as fast.
 */
function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

describe('the real CLI process', () => {
  it('exits 2 with one error line on bad input, and prints parseable JSON on success', () => {
    const bad = cli('landscape', '--loss', 'quadratic', '--sigma', 'abc');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe("error: --sigma must be a finite number, got 'abc'\n");

    const good = cli('landscape', '--loss', 'sharp-flat', '--from', '-3', '--to', '3', '--points', '31');
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    const out = JSON.parse(good.stdout);
    expect(out.theta).toHaveLength(31);
    expect(out.params.loss).toBe('sharp-flat');
  });
});
