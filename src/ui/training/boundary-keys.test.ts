import { describe, expect, it } from 'vitest';
import { gridCentre, KEY_STEP, keyAction } from './boundary-keys.ts';

const grid = { xFrom: -2, xTo: 2, yFrom: 0, yTo: 1 };

describe('boundary plot keys', () => {
  it('starts the cross in the middle of the grid', () => {
    expect(gridCentre(grid)).toEqual({ x: 0, y: 0.5 });
  });

  it('moves the cross by a fortieth of the span, five times as far with Shift, y up', () => {
    expect(keyAction('ArrowRight', false, { x: 0, y: 0.5 }, grid)).toEqual({ kind: 'move', to: { x: 4 * KEY_STEP, y: 0.5 } });
    expect(keyAction('ArrowUp', true, { x: 0, y: 0.5 }, grid)).toEqual({ kind: 'move', to: { x: 0, y: 0.5 + 5 * KEY_STEP } });
    expect(keyAction('ArrowDown', false, { x: 0, y: 0.5 }, grid)).toEqual({ kind: 'move', to: { x: 0, y: 0.5 - KEY_STEP } });
  });

  it('keeps the cross inside the grid', () => {
    expect(keyAction('ArrowLeft', true, { x: -1.9, y: 0 }, grid)).toEqual({ kind: 'move', to: { x: -2, y: 0 } });
    expect(keyAction('ArrowDown', true, { x: 0, y: 0.01 }, grid)).toEqual({ kind: 'move', to: { x: 0, y: 0 } });
  });

  it('acts on Enter and Space, removes on Delete and Backspace, ignores other keys', () => {
    const at = { x: 0, y: 0 };
    expect(keyAction('Enter', false, at, grid)).toEqual({ kind: 'act' });
    expect(keyAction(' ', false, at, grid)).toEqual({ kind: 'act' });
    expect(keyAction('Delete', false, at, grid)).toEqual({ kind: 'remove' });
    expect(keyAction('Backspace', false, at, grid)).toEqual({ kind: 'remove' });
    expect(keyAction('a', false, at, grid)).toBeNull();
  });
});
