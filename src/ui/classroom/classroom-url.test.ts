import { describe, expect, it } from 'vitest';
import { classroomFromUrl, paceFromUrl, withClassroomParam, withPaceParam } from './classroom-url.ts';
import { decodeFragment } from '../../state/permalink/index.ts';

describe('classroomFromUrl', () => {
  it('reads the query and the hash', () => {
    expect(classroomFromUrl('https://lab.example/?classroom=1')).toBe(true);
    expect(classroomFromUrl('https://lab.example/?classroom')).toBe(true);
    expect(classroomFromUrl('https://lab.example/#l1.sigma=0.5&classroom=true')).toBe(true);
    expect(classroomFromUrl('https://lab.example/#/share?classroom=1')).toBe(true);
  });
  it('is off when absent or switched off, and for junk', () => {
    expect(classroomFromUrl('https://lab.example/')).toBe(false);
    expect(classroomFromUrl('https://lab.example/?classroom=0')).toBe(false);
    expect(classroomFromUrl('https://lab.example/?classroom=off#classroom=1')).toBe(false);
    expect(classroomFromUrl('https://lab.example/?classroomx=1')).toBe(false);
    expect(classroomFromUrl('not a url')).toBe(false);
  });
});

describe('withClassroomParam', () => {
  it('adds the parameter after the state in the fragment and removes it again, keeping the rest', () => {
    const on = withClassroomParam('https://lab.example/app/?a=2#v=1&l1.sigma=0.5', true);
    expect(on).toBe('https://lab.example/app/?a=2#v=1&l1.sigma=0.5&classroom=1');
    expect(classroomFromUrl(on)).toBe(true);
    const off = withClassroomParam(on, false);
    expect(off).toBe('https://lab.example/app/?a=2#v=1&l1.sigma=0.5');
    expect(classroomFromUrl(off)).toBe(false);
  });
  it('works without a fragment and moves a query parameter into it', () => {
    expect(withClassroomParam('https://lab.example/', true)).toBe('https://lab.example/#classroom=1');
    expect(withClassroomParam('https://lab.example/#classroom=1', false)).toBe('https://lab.example/');
    expect(withClassroomParam('https://lab.example/?classroom=1', true)).toBe('https://lab.example/#classroom=1');
    expect(withClassroomParam('https://lab.example/?classroom=1&b=3', false)).toBe('https://lab.example/?b=3');
  });
  it('does not add the parameter twice', () => {
    expect(withClassroomParam('https://lab.example/#v=1&classroom=1', true)).toBe('https://lab.example/#v=1&classroom=1');
  });
});

describe('the tour’s pace in the URL', () => {
  it('reads pace=slow from the query or the fragment; anything else is normal', () => {
    expect(paceFromUrl('https://lab.example/?pace=slow')).toBe('slow');
    expect(paceFromUrl('https://lab.example/#v=1&classroom=1&pace=SLOW')).toBe('slow');
    expect(paceFromUrl('https://lab.example/#pace=fast')).toBe('normal');
    expect(paceFromUrl('https://lab.example/')).toBe('normal');
    expect(paceFromUrl('not a url')).toBe('normal');
  });
  it('writes pace=slow beside classroom=1 and removes it for normal, keeping the state', () => {
    const slow = withPaceParam(withClassroomParam('https://lab.example/#v=1&l1.sigma=0.5', true), 'slow');
    expect(slow).toBe('https://lab.example/#v=1&l1.sigma=0.5&classroom=1&pace=slow');
    expect(paceFromUrl(slow)).toBe('slow');
    expect(withPaceParam(slow, 'normal')).toBe('https://lab.example/#v=1&l1.sigma=0.5&classroom=1');
    expect(withPaceParam('https://lab.example/?pace=slow', 'normal')).toBe('https://lab.example/');
  });
  it('is a page parameter: the state decoder reads past it without a notice', () => {
    const { notices, state } = decodeFragment('v=1&l1.sigma=0.25&classroom=1&pace=slow');
    expect(notices).toEqual([]);
    expect(state.landscape1d.sigma).toBe(0.25);
  });
});
