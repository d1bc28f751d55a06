import { describe, expect, it } from 'vitest';
import { commandFor, isInteractive, isTextEntry, tourIndexForDigit } from './shortcuts.ts';
import type { ShortcutMode, TargetLike } from './shortcuts.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const classroom: ShortcutMode = { classroom: true, tour: false };
const inTour: ShortcutMode = { classroom: true, tour: true };
const plain: ShortcutMode = { classroom: false, tour: false };
const body: TargetLike = { tagName: 'BODY' };
const textInput: TargetLike = { tagName: 'INPUT', type: 'text' };
const button: TargetLike = { tagName: 'BUTTON' };
const slider: TargetLike = { tagName: 'g', role: 'slider' };
const map: TargetLike = { tagName: 'svg', role: 'application' };
const checkbox: TargetLike = { tagName: 'INPUT', type: 'checkbox' };
const CONTROLS: TargetLike[] = [
  button,
  slider,
  map,
  checkbox,
  { tagName: 'INPUT', type: 'range' },
  { tagName: 'INPUT', type: 'radio' },
  { tagName: 'SELECT' },
  { tagName: 'A' },
  { tagName: 'SUMMARY' },
  { tagName: 'DIV', role: 'checkbox' },
];

describe('commandFor', () => {
  it('maps the documented keys in classroom mode when nothing in particular has focus', () => {
    expect(commandFor(key(' '), body, classroom)).toEqual({ type: 'togglePlay' });
    expect(commandFor(key('ArrowRight'), body, classroom)).toEqual({ type: 'step' });
    expect(commandFor(key('r'), body, classroom)).toEqual({ type: 'reset' });
    expect(commandFor(key('R'), body, classroom)).toEqual({ type: 'reset' });
    expect(commandFor(key('f'), body, classroom)).toEqual({ type: 'fullscreen' });
    expect(commandFor(key('?'), body, classroom)).toEqual({ type: 'help' });
    expect(commandFor(key('Escape'), body, classroom)).toEqual({ type: 'escape' });
    expect(commandFor(key('1'), body, classroom)).toEqual({ type: 'tourStep', index: 0 });
    expect(commandFor(key('9'), body, classroom)).toEqual({ type: 'tourStep', index: 8 });
    expect(commandFor(key('0'), body, classroom)).toEqual({ type: 'tourStep', index: 9 });
    expect(commandFor(key('x'), body, classroom)).toBeNull();
    expect(commandFor(key('r'), null, classroom)).toEqual({ type: 'reset' });
  });

  it('outside classroom mode only ? and Esc are shortcuts: digits, Space, R and F do nothing', () => {
    for (const k of [' ', 'ArrowRight', 'r', 'f', '1', '4', '0', 'PageDown']) expect(commandFor(key(k), body, plain), k).toBeNull();
    expect(commandFor(key('?'), body, plain)).toEqual({ type: 'help' });
    expect(commandFor(key('Escape'), body, plain)).toEqual({ type: 'escape' });
  });

  it('Page Down / Page Up step through the tour while it is open, and scroll the page otherwise', () => {
    expect(commandFor(key('PageDown'), body, inTour)).toEqual({ type: 'tourMove', by: 1 });
    expect(commandFor(key('PageUp'), body, inTour)).toEqual({ type: 'tourMove', by: -1 });
    expect(commandFor(key('PageDown'), body, classroom)).toBeNull();
  });

  it('never fires while typing, even Esc (the field may use it)', () => {
    for (const k of [' ', 'ArrowRight', 'r', 'f', '?', '3', 'Escape', 'PageDown']) {
      for (const t of [textInput, { tagName: 'TEXTAREA' }, { tagName: 'DIV', isContentEditable: true }, { tagName: 'SELECT' }]) {
        expect(commandFor(key(k), t, inTour), `${k} at ${t.tagName}`).toBeNull();
      }
    }
  });

  it('never fires from a focused control (a digit at a legend checkbox must not load a tour step); Esc still closes', () => {
    for (const t of CONTROLS) {
      for (const k of [' ', 'ArrowRight', 'r', 'R', 'f', '?', '1', '4', '0', 'PageDown', 'PageUp']) {
        expect(commandFor(key(k), t, inTour), `${k} at ${t.tagName}/${t.role ?? t.type ?? ''}`).toBeNull();
      }
      if (t.tagName !== 'SELECT') expect(commandFor(key('Escape'), t, inTour)).toEqual({ type: 'escape' });
    }
  });

  it('leaves browser and OS combinations alone', () => {
    expect(commandFor(key('r', { ctrlKey: true }), body, classroom)).toBeNull();
    expect(commandFor(key('f', { metaKey: true }), body, classroom)).toBeNull();
    expect(commandFor(key('1', { altKey: true }), body, classroom)).toBeNull();
  });

  it('names tour steps 1–9 by their digit and step 10 by 0', () => {
    expect(tourIndexForDigit('1')).toBe(0);
    expect(tourIndexForDigit('9')).toBe(8);
    expect(tourIndexForDigit('0')).toBe(9);
    expect(tourIndexForDigit('a')).toBeNull();
    expect(tourIndexForDigit('10')).toBeNull();
  });
});

describe('target classification', () => {
  it('treats text-like inputs as text entry and others not', () => {
    expect(isTextEntry({ tagName: 'input' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'number' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTextEntry(checkbox)).toBe(false);
    expect(isTextEntry({ tagName: 'INPUT', type: 'range' })).toBe(false);
    expect(isTextEntry(button)).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
  it('knows interactive elements by tag and by role', () => {
    expect(isInteractive(button)).toBe(true);
    expect(isInteractive({ tagName: 'A' })).toBe(true);
    expect(isInteractive(slider)).toBe(true);
    expect(isInteractive({ tagName: 'SECTION' })).toBe(false);
    expect(isInteractive({ tagName: 'DIV', role: 'region' })).toBe(false);
  });
});
