import { describe, expect, it } from 'vitest';
import { eurosText, formatEuros, parseEuros } from './money';

describe('money', () => {
  it('formats cents in Dutch', () => {
    expect(formatEuros(25000)).toBe('€ 250,00');
    expect(formatEuros(25050)).toBe('€ 250,50');
    expect(formatEuros(5)).toBe('€ 0,05');
    expect(formatEuros(125050)).toBe('€ 1.250,50');
    expect(eurosText(25000)).toBe('250');
    expect(eurosText(25050)).toBe('250,50');
  });

  it('reads euros as cents', () => {
    expect(parseEuros('250')).toBe(25000);
    expect(parseEuros('250,00')).toBe(25000);
    expect(parseEuros('250,50')).toBe(25050);
    expect(parseEuros('250,5')).toBe(25050);
    expect(parseEuros(' € 1.250,50 ')).toBe(125050);
    expect(parseEuros('0,05')).toBe(5);
    for (const bad of ['', 'abc', '250,505', '-5', '250.5', '1.25', ',5']) {
      expect(parseEuros(bad), bad).toBeNull();
    }
  });
});
