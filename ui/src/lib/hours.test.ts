import { describe, expect, it } from 'vitest';
import { formatHours, parseHours } from './hours';

describe('parseHours', () => {
  const cases: [string, number | null][] = [
    ['2', 8],
    ['1,5', 6],
    ['1.25', 5],
    ['0,75', 3],
    [',5', 2],
    ['.25', 1],
    ['1.50', 6],
    ['1,500', 6],
    ['2.', 8],
    ['1:30', 6],
    ['0:45', 3],
    ['2:00', 8],
    [' 3 ', 12],
    ['0', 0],
    ['600', 2400],
    ['1:20', null],
    ['1:60', null],
    ['1:', null],
    [':30', null],
    ['1,3', null],
    ['1,333', null],
    ['1,25000', null],
    ['-1', null],
    ['-0,5', null],
    ['+1', null],
    ['1,5,5', null],
    ['1e2', null],
    ['', null],
    ['   ', null],
    [',', null],
    ['abc', null],
    ['1 uur', null],
  ];
  it.each(cases)('%j → %j', (text, quarters) => {
    expect(parseHours(text)).toBe(quarters);
  });
});

describe('formatHours', () => {
  const cases: [number, string][] = [
    [48, '12'],
    [6, '1,5'],
    [1, '0,25'],
    [3, '0,75'],
    [0, '0'],
    [-15, '-3,75'],
    [-4, '-1'],
    [2400, '600'],
  ];
  it.each(cases)('%j → %j', (quarters, text) => {
    expect(formatHours(quarters)).toBe(text);
  });

  it('round-trips every quarter up to 10 hours', () => {
    for (let q = 0; q <= 40; q++) expect(parseHours(formatHours(q))).toBe(q);
  });
});
