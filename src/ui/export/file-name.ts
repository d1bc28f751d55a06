/** Names of exported files: what they show and when, sortable, safe on every file system. */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** e.g. exportFileName('msigma', 'svg', date) → 'sam-bayes-lab_msigma_2026-11-26_19-55-38.svg' (local time). */
export function exportFileName(what: string, extension: string, at: Date = new Date()): string {
  const slug =
    what
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'export';
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}_${pad(at.getHours())}-${pad(at.getMinutes())}-${pad(at.getSeconds())}`;
  return `sam-bayes-lab_${slug}_${stamp}.${extension}`;
}
