import { describe, expect, it } from 'vitest';
import { commandFor, isInteractive, isTextEntry } from './shortcuts.ts';
import type { TargetLike } from './shortcuts.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const body: TargetLike = { tagName: 'BODY' };
const textInput: TargetLike = { tagName: 'INPUT', type: 'text' };
const button: TargetLike = { tagName: 'BUTTON' };
const slider: TargetLike = { tagName: 'g', role: 'slider' };
const map: TargetLike = { tagName: 'svg', role: 'application' };

describe('commandFor', () => {
  it('maps the documented keys when nothing in particular has focus', () => {
    expect(commandFor(key(' '), body)).toEqual({ type: 'togglePlay' });
    expect(commandFor(key('ArrowRight'), body)).toEqual({ type: 'step' });
    expect(commandFor(key('r'), body)).toEqual({ type: 'reset' });
    expect(commandFor(key('R'), body)).toEqual({ type: 'reset' });
    expect(commandFor(key('f'), body)).toEqual({ type: 'fullscreen' });
    expect(commandFor(key('?'), body)).toEqual({ type: 'help' });
    expect(commandFor(key('Escape'), body)).toEqual({ type: 'escape' });
    expect(commandFor(key('1'), body)).toEqual({ type: 'tourStep', index: 0 });
    expect(commandFor(key('9'), body)).toEqual({ type: 'tourStep', index: 8 });
    expect(commandFor(key('0'), body)).toBeNull();
    expect(commandFor(key('x'), body)).toBeNull();
    expect(commandFor(key('r'), null)).toEqual({ type: 'reset' });
  });

  it('never fires while typing', () => {
    for (const k of [' ', 'ArrowRight', 'r', 'f', '?', '3', 'Escape']) {
      expect(commandFor(key(k), textInput)).toBeNull();
      expect(commandFor(key(k), { tagName: 'TEXTAREA' })).toBeNull();
      expect(commandFor(key(k), { tagName: 'DIV', isContentEditable: true })).toBeNull();
      expect(commandFor(key(k), { tagName: 'SELECT' })).toBeNull();
    }
  });

  it('leaves Space and → to a focused control but still answers letters there', () => {
    for (const t of [button, slider, map, { tagName: 'INPUT', type: 'range' }, { tagName: 'INPUT', type: 'checkbox' }]) {
      expect(commandFor(key(' '), t)).toBeNull();
      expect(commandFor(key('ArrowRight'), t)).toBeNull();
      expect(commandFor(key('r'), t)).toEqual({ type: 'reset' });
    }
  });

  it('leaves browser and OS combinations alone', () => {
    expect(commandFor(key('r', { ctrlKey: true }), body)).toBeNull();
    expect(commandFor(key('f', { metaKey: true }), body)).toBeNull();
    expect(commandFor(key('1', { altKey: true }), body)).toBeNull();
  });
});

describe('target classification', () => {
  it('treats text-like inputs as text entry and others not', () => {
    expect(isTextEntry({ tagName: 'input' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'number' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTextEntry({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
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
