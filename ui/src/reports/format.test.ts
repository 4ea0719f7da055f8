import { describe, expect, it } from 'vitest';
import { columnIndex, formatCell, formatValueOf, isReference, isTotal, totalRow, valueOf } from './format';
import { hasData, signalsChart, teamChart, teamTotals } from './dashboard';
import { signalsTable, teamTable } from '../test/reports';

describe('report values', () => {
  it('formats each kind of cell like the backend', () => {
    expect(formatCell('count', 12)).toBe('12');
    expect(formatCell('count', 1250)).toBe('1250');
    expect(formatCell('count', 0)).toBe('0');
    expect(formatCell('days', 41.5)).toBe('42');
    expect(formatCell('percent', 37.5)).toBe('37,5 %');
    expect(formatCell('percent', 100)).toBe('100,0 %');
    expect(formatCell('percent', 33.333333)).toBe('33,3 %');
    expect(formatCell('hours', 150.5)).toBe('150,50');
    expect(formatCell('hours', 0)).toBe('0,00');
    expect(formatCell('euro', 1250)).toBe('€ 1.250,00');
    expect(formatCell('euro', 0.05)).toBe('€ 0,05');
    expect(formatCell('euro', -310.1)).toBe('€ -310,10');
    for (const kind of ['count', 'percent', 'days', 'hours', 'euro'] as const) {
      expect(formatCell(kind, null)).toBe('—');
    }
  });

  it('finds totals, columns and values by title', () => {
    const table = teamTable();
    expect(table.rows.map(isTotal)).toEqual([false, false, true]);
    expect(isTotal({ labels: ['Totaal Leerhuis', ''], values: [] })).toBe(true);
    expect(columnIndex(table, 'Te laat')).toBe(2);
    expect(columnIndex(table, 'Bestaat niet')).toBe(-1);
    expect(valueOf(table, totalRow(table), 'Open dossiers')).toBe(42);
    expect(valueOf(table, totalRow(table), 'Bestaat niet')).toBeNull();
    expect(formatValueOf(table, totalRow(table), 'PIP binnen 10 weken')).toBe('37,5 %');
    expect(formatValueOf(table, null, 'Bestaat niet')).toBe('—');
  });

  it('accepts only a whole reference date', () => {
    expect(isReference('2025-03-14')).toBe(true);
    expect(isReference('')).toBe(false);
    expect(isReference('2025-03')).toBe(false);
  });
});

describe('dashboard data', () => {
  it('takes the KPIs from the team total', () => {
    expect(teamTotals(teamTable())).toEqual({ openCases: 42, openSignals: 17, overdue: 4, firstPips: 8, pipInTime: 37.5 });
    expect(teamTotals(undefined).openCases).toBeNull();
  });

  it('leaves totals and empty signal kinds out of the charts', () => {
    expect(teamChart(teamTable()).labels).toEqual(['Fatima de Vries', 'Jeroen Smit']);
    const signals = signalsChart(signalsTable());
    expect(signals.labels).toEqual(['Geen contact', 'Brede intake']);
    expect(signals.datasets[0].data).toEqual([7, 3]);
    expect(hasData(signals)).toBe(true);
    expect(hasData(signalsChart(undefined))).toBe(false);
    expect(hasData({ labels: ['B1-route'], datasets: [{ label: 'x', data: [0], color: '#000' }] })).toBe(false);
  });
});
