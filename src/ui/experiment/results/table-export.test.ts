import { describe, expect, it } from 'vitest';
import { resultsTable } from './results-table.ts';
import { csvField, TABLE_CSV_HEADER, tableToCsv, tableToJson, tableToJsonObject, tableToMarkdown } from './table-export.ts';
import { metrics, run, SAMPLE_RUNS } from './test-runs.ts';

/** A minimal RFC 4180 reader (quoted fields, doubled quotes), to check what the writer's quoting means. */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (line[i] === '"') break;
        else s += line[i++];
      }
      out.push(s);
      i += 2;
    } else {
      const end = line.indexOf(',', i);
      out.push(line.slice(i, end < 0 ? line.length : end));
      i = end < 0 ? line.length + 1 : end + 1;
    }
  }
  return out;
}

const table = resultsTable(SAMPLE_RUNS);
const withNaN = resultsTable([run('sgd', 0, metrics(1, 0.01, 0.005, NaN)), run('sgd', 1, metrics(1, 0.02, 0.005, NaN))]);

describe('CSV', () => {
  it('quotes as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(parseCsvLine([csvField('x,"y"'), csvField('z')].join(','))).toEqual(['x,"y"', 'z']);
  });

  it('has one line per row with full-precision means and stds that read back', () => {
    const lines = tableToCsv(table).trimEnd().split('\n');
    expect(lines[0]).toBe(TABLE_CSV_HEADER);
    expect(lines).toHaveLength(4);
    const header = lines[0].split(',');
    const bayes = Object.fromEntries(parseCsvLine(lines[3]).map((v, i) => [header[i], v]));
    expect(bayes.label).toBe('bSAM (model average)');
    expect(bayes.seeds).toBe('0 1');
    expect(Number(bayes.accuracy_mean)).toBe(table.rows[2].cells.accuracy.mean);
    expect(Number(bayes.accuracy_std)).toBe(table.rows[2].cells.accuracy.std);
    expect(bayes.accuracy_best).toBe('true');
    expect(bayes.notes).toBe('');
  });

  it('writes a not-computable cell as NaN with its reason in notes', () => {
    const [, line] = tableToCsv(withNaN).trimEnd().split('\n');
    const header = TABLE_CSV_HEADER.split(',');
    const row = Object.fromEntries(parseCsvLine(line).map((v, i) => [header[i], v]));
    expect([row.auroc_mean, row.auroc_std, row.auroc_best]).toEqual(['NaN', 'NaN', 'false']);
    expect(row.notes).toBe('auroc: not computable for seeds 0, 1');
  });
});

describe('Markdown', () => {
  it('is a pipe table with ± , the best in bold and absent cells with their reason', () => {
    const md = tableToMarkdown(table).split('\n');
    expect(md[0]).toBe('| Optimizer | Accuracy ↑ | NLL ↓ | ECE ↓ | AUROC ↑ | Seeds |');
    expect(md[1]).toBe('| :-- | --: | --: | --: | --: | --: |');
    expect(md[2]).toBe('| SGD | 0.810 ± 0.014 | 0.500 ± 0.141 | 0.040 ± 0.014 | 0.820 ± 0.028 | 2 |');
    expect(md[4]).toBe('| bSAM (model average) | **0.820 ± 0.014** | **0.450 ± 0.000** | **0.010 ± 0.000** | **0.870 ± 0.014** | 2 |');
    expect(tableToMarkdown(withNaN)).toContain('| — (not computable for seeds 0, 1) |');
  });
});

describe('JSON', () => {
  it('keeps every seed’s raw value, null for not computable, and the metadata', () => {
    const at = new Date('2026-12-02T10:00:00Z');
    const parsed = JSON.parse(tableToJson(table, { config: { epochs: 3 }, exportedAt: at }));
    expect(parsed).toEqual(tableToJsonObject(table, { config: { epochs: 3 }, exportedAt: at }));
    expect(parsed.exportedAt).toBe('2026-12-02T10:00:00.000Z');
    expect(parsed.config).toEqual({ epochs: 3 });
    expect(parsed.rows[0].metrics.nll.perSeed).toEqual([
      { seed: 0, value: 0.4 },
      { seed: 1, value: 0.6 },
    ]);
    const auroc = JSON.parse(tableToJson(withNaN)).rows[0].metrics.auroc;
    expect(auroc).toEqual({ mean: null, std: null, best: false, absent: 'not computable for seeds 0, 1', perSeed: [{ seed: 0, value: null }, { seed: 1, value: null }] });
  });
});
