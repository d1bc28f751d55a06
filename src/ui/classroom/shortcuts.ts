/**
 * Which keyboard shortcut a key press means, as a pure function of the key and of the element that has
 * focus, so the rules are testable without a DOM. Two rules keep shortcuts out of the way: nothing fires
 * while typing (text fields, selects, editable text), and Space and → are left to a focused control
 * (a button, slider, checkbox or the (m, σ) map), which already gives them a meaning.
 */

export type ShortcutCommand =
  | { type: 'togglePlay' }
  | { type: 'step' }
  | { type: 'reset' }
  | { type: 'fullscreen' }
  | { type: 'help' }
  | { type: 'escape' }
  | { type: 'tourStep'; index: number };

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

/** The command for a key press, or null when the key is not a shortcut here. */
export function commandFor(key: KeyLike, target: TargetLike | null): ShortcutCommand | null {
  // Ctrl/⌘/Alt combinations belong to the browser and the OS (Shift is part of typing '?').
  if (key.ctrlKey || key.metaKey || key.altKey) return null;
  if (isTextEntry(target)) return null;
  switch (key.key) {
    case ' ':
    case 'Spacebar':
      return isInteractive(target) ? null : { type: 'togglePlay' };
    case 'ArrowRight':
      return isInteractive(target) ? null : { type: 'step' };
    case 'r':
    case 'R':
      return { type: 'reset' };
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case '?':
      return { type: 'help' };
    case 'Escape':
      return { type: 'escape' };
  }
  if (/^[1-9]$/.test(key.key)) return { type: 'tourStep', index: Number(key.key) - 1 };
  return null;
}

/** The shortcut list the help overlay shows (one source for the docs and the behaviour's names). */
export const SHORTCUT_HELP: readonly { keys: string[]; action: string }[] = [
  { keys: ['Space'], action: 'Play or pause training' },
  { keys: ['→'], action: 'One training step (while paused)' },
  { keys: ['R'], action: 'Reset the training run' },
  { keys: ['1', '–', '9'], action: 'Go to that step of the guided tour' },
  { keys: ['F'], action: 'Full screen for the focused panel (again to leave)' },
  { keys: ['?'], action: 'Show this help' },
  { keys: ['Esc'], action: 'Close this help or leave full screen' },
];
