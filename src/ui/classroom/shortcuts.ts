/**
 * Which keyboard shortcut a key press means, as a pure function of the key, the element that has focus
 * and the mode, so the rules are testable without a DOM. Rules that keep shortcuts out of the way: the
 * lesson's keys (Space, →, R, F, digits, Page Up/Down) work in classroom mode only, and no shortcut
 * fires from a focused control, which gives keys its own meaning.
 */

export type ShortcutCommand =
  | { type: 'togglePlay' }
  | { type: 'step' }
  | { type: 'reset' }
  | { type: 'fullscreen' }
  | { type: 'help' }
  | { type: 'escape' }
  | { type: 'tourStep'; index: number }
  | { type: 'tourMove'; by: 1 | -1 };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The focused element, described by what the rules look at. */
export interface TargetLike {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
  role?: string | null;
}

/** Input types that do not take typed text. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color', 'file', 'image']);
const INTERACTIVE_TAGS = new Set(['BUTTON', 'A', 'SUMMARY', 'INPUT', 'SELECT', 'TEXTAREA']);
const INTERACTIVE_ROLES = new Set([
  'button',
  'link',
  'slider',
  'application',
  'checkbox',
  'switch',
  'radio',
  'menuitem',
  'tab',
  'spinbutton',
  'combobox',
  'option',
  'textbox',
]);

export function isTextEntry(target: TargetLike | null): boolean {
  if (!target) return false;
  if (target.isContentEditable || target.role === 'textbox' || target.role === 'combobox' || target.role === 'spinbutton') return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
}

export function isInteractive(target: TargetLike | null): boolean {
  if (!target) return false;
  if (isTextEntry(target)) return true;
  return INTERACTIVE_TAGS.has(target.tagName.toUpperCase()) || (target.role != null && INTERACTIVE_ROLES.has(target.role));
}

/** Where the key was pressed: the shortcuts that drive the lesson exist only in classroom mode. */
export interface ShortcutMode {
  classroom: boolean;
  /** The guided tour is open (Page Up / Page Down, a presenter remote's keys, then step through it). */
  tour: boolean;
}

/** Digits name tour steps 1–9, and 0 the tenth (as on a keyboard's number row). */
export function tourIndexForDigit(digit: string): number | null {
  if (!/^[0-9]$/.test(digit)) return null;
  return digit === '0' ? 9 : Number(digit) - 1;
}

/**
 * The command for a key press, or null when the key is not a shortcut here. Escape always closes the
 * help or leaves full screen; ? opens the help anywhere; everything else is a classroom-mode shortcut.
 * None fires from a focused control (a field, checkbox, button, slider, select, link or the (m, σ)
 * map): there a key belongs to the control, and a digit typed at a checkbox must not replace the
 * experiment (issue 11).
 */
export function commandFor(key: KeyLike, target: TargetLike | null, mode: ShortcutMode): ShortcutCommand | null {
  // Ctrl/⌘/Alt combinations belong to the browser and the OS (Shift is part of typing '?').
  if (key.ctrlKey || key.metaKey || key.altKey) return null;
  if (isTextEntry(target)) return null;
  if (key.key === 'Escape') return { type: 'escape' };
  if (isInteractive(target)) return null;
  if (key.key === '?') return { type: 'help' };
  if (!mode.classroom) return null;
  switch (key.key) {
    case ' ':
    case 'Spacebar':
      return { type: 'togglePlay' };
    case 'ArrowRight':
      return { type: 'step' };
    case 'r':
    case 'R':
      return { type: 'reset' };
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case 'PageDown':
      return mode.tour ? { type: 'tourMove', by: 1 } : null;
    case 'PageUp':
      return mode.tour ? { type: 'tourMove', by: -1 } : null;
  }
  const index = tourIndexForDigit(key.key);
  return index === null ? null : { type: 'tourStep', index };
}

/** The shortcut list the help overlay shows (one source for the docs and the behaviour's names). */
export const SHORTCUT_HELP: readonly { keys: string[]; action: string; classroomOnly: boolean }[] = [
  { keys: ['Space'], action: 'Play or pause training', classroomOnly: true },
  { keys: ['→'], action: 'One training step (while paused)', classroomOnly: true },
  { keys: ['R'], action: 'Reset the training run', classroomOnly: true },
  { keys: ['1', '–', '9', '0'], action: 'Go to step 1–9 (0: step 10) of the guided tour', classroomOnly: true },
  { keys: ['PgDn', 'PgUp'], action: 'Next or previous tour step (a presenter remote’s keys)', classroomOnly: true },
  { keys: ['F'], action: 'Full screen for the panel you last clicked (again to leave)', classroomOnly: true },
  { keys: ['?'], action: 'Show this help', classroomOnly: false },
  { keys: ['Esc'], action: 'Close this help or leave full screen', classroomOnly: false },
];
