import { describe, expect, it } from 'vitest';
import { classroomFromUrl, withClassroomParam } from './classroom-url.ts';

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
