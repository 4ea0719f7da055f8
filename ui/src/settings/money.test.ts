import { describe, expect, it } from 'vitest';
import { permilleText, spukGrid } from './money';

describe('money tables', () => {
  it('writes shares in tenths of a percent', () => {
    expect(permilleText(125)).toBe('12,5 %');
    expect(permilleText(250)).toBe('25 %');
    expect(permilleText(1000)).toBe('100 %');
  });

  it('makes one row per cohort year, oldest first', () => {
    const grid = spukGrid([
      { year: 2025, kind: 'statushouder_jaar1', cents: 2 },
      { year: 2024, kind: 'gezins_overige_migrant', cents: 1 },
    ]);
    expect(grid).toEqual([
      {
        year: 2024,
        cents: { statushouder_jaar1: null, statushouder_jaar2: null, statushouder_jaar3: null, gezins_overige_migrant: 1 },
      },
      {
        year: 2025,
        cents: { statushouder_jaar1: 2, statushouder_jaar2: null, statushouder_jaar3: null, gezins_overige_migrant: null },
      },
    ]);
  });
});
