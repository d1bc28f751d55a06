/**
 * The width of a short label (a tick's number), estimated from font metrics instead of measured: the
 * same in Node (the golden tests render without a browser) and in every browser, so a plot's margins are
 * a pure function of its labels. The advance widths are DejaVu Sans's (the widest of the usual sans-serif
 * fonts, and what system-ui is on Linux), in em, so a label that fits here fits in Arial or Segoe UI too.
 */
const EM: Readonly<Record<string, number>> = {
  '0': 0.636, '1': 0.636, '2': 0.636, '3': 0.636, '4': 0.636, '5': 0.636, '6': 0.636, '7': 0.636, '8': 0.636, '9': 0.636,
  '.': 0.318, ',': 0.318, ' ': 0.318, '-': 0.361, '−': 0.838, '+': 0.838, 'e': 0.615, 'E': 0.632, '∞': 0.833, '%': 0.95,
  'i': 0.278, 'l': 0.278, 'j': 0.278, 'f': 0.352, 't': 0.392, 'r': 0.411, 'm': 0.974, 'w': 0.818, 'M': 0.863, 'W': 0.989,
};
/** Any other character: a lower-case letter's typical width, on the wide side. */
const OTHER = 0.62;

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += EM[ch] ?? OTHER;
  return em * fontSize;
}

/** The widest of some labels (0 for none). */
export function widestText(texts: readonly string[], fontSize: number): number {
  let w = 0;
  for (const t of texts) w = Math.max(w, textWidth(t, fontSize));
  return w;
}
