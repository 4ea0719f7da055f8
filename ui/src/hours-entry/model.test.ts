import { describe, expect, it } from 'vitest';
import {
  addDays,
  buildBatch,
  cellKey,
  checkGrid,
  emptyRow,
  isoWeek,
  mapBatchErrors,
  mondayOf,
  savedSummary,
  type GridRow,
} from './model';

function row(client: string | null, cells: Record<number, string>, patch: Partial<GridRow> = {}): GridRow {
  const r = emptyRow();
  if (client) r.client = { id: client, name: `Cliënt ${client}`, municipality: 'Lisse' };
  for (const [day, text] of Object.entries(cells)) r.cells[Number(day)] = text;
  return { ...r, ...patch };
}

describe('week dates', () => {
  it.each([
    ['2025-03-14', '2025-03-10'], // Friday
    ['2025-03-10', '2025-03-10'], // Monday
    ['2025-03-16', '2025-03-10'], // Sunday
    ['2025-01-01', '2024-12-30'], // across the year
    ['2024-03-31', '2024-03-25'], // across summer time
  ])('the Monday of %s is %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });

  it('adds days across months and years', () => {
    expect(addDays('2025-02-27', 2)).toBe('2025-03-01');
    expect(addDays('2024-12-30', 6)).toBe('2025-01-05');
    expect(addDays('2025-03-10', -7)).toBe('2025-03-03');
  });

  it('numbers ISO weeks', () => {
    expect(isoWeek('2025-03-10')).toBe(11);
    expect(isoWeek('2024-12-30')).toBe(1);
    expect(isoWeek('2020-12-28')).toBe(53);
  });
});

describe('the batch', () => {
  const monday = '2025-03-10';

  it('makes one row per filled cell, dated monday + day index, in quarter hours', () => {
    const rows = [
      row('c-1', { 0: '1,5', 2: '2', 4: '0:45' }, { provider: ' Taalhuis ' }),
      row(null, {}),
      row('c-2', { 1: '3' }, { category: 'participatie' }),
    ];
    const { batch, origins } = buildBatch(rows, monday);
    expect(batch).toEqual([
      { client_id: 'c-1', date: '2025-03-10', quarters: 6, category: 'taal', source: 'consultant', provider: 'Taalhuis', note: null },
      { client_id: 'c-1', date: '2025-03-12', quarters: 8, category: 'taal', source: 'consultant', provider: 'Taalhuis', note: null },
      { client_id: 'c-1', date: '2025-03-14', quarters: 3, category: 'taal', source: 'consultant', provider: 'Taalhuis', note: null },
      { client_id: 'c-2', date: '2025-03-11', quarters: 12, category: 'participatie', source: 'consultant', provider: null, note: null },
    ]);
    expect(origins).toEqual([
      { row: 0, day: 0 },
      { row: 0, day: 2 },
      { row: 0, day: 4 },
      { row: 2, day: 1 },
    ]);
    expect(savedSummary(batch)).toBe('4 regels opgeslagen (7,25 uur) voor 2 cliënten');
    expect(savedSummary(batch.slice(0, 1))).toBe('1 regel opgeslagen (1,5 uur) voor 1 cliënt');
  });

  it('finds unreadable cells, future days and hours without a client before sending', () => {
    const rows = [row('c-1', { 0: '1,3', 1: '0', 2: '2', 6: '1' }), row(null, { 3: '2' }), row(null, {})];
    const errors = checkGrid(rows, monday, '2025-03-14');
    expect(errors.cells).toEqual({
      [cellKey(rows[0].key, 0)]: 'Vul uren in per kwartier, bijv. 1,5',
      [cellKey(rows[0].key, 1)]: 'Vul uren in per kwartier, bijv. 1,5',
      [cellKey(rows[0].key, 6)]: 'Deze dag ligt in de toekomst',
    });
    expect(errors.rows).toEqual({ [rows[1].key]: { client: 'Kies een cliënt' } });
  });

  it('places backend errors "N.field" at the cell or row that produced batch row N', () => {
    const rows = [row('c-1', { 0: '1', 3: '2' }), row('c-2', { 1: '4' })];
    const { origins } = buildBatch(rows, monday);
    const errors = mapBatchErrors(
      [
        { field: '1.quarters', rule: 'max', message: 'is meer dan 1000 uur in één regel' },
        { field: '2.provider', rule: 'required_for_report', message: 'is verplicht' },
        { field: '9.date', rule: 'x', message: 'bestaat niet' },
      ],
      origins,
      rows,
    );
    expect(errors.cells).toEqual({ [cellKey(rows[0].key, 3)]: 'Uren is meer dan 1000 uur in één regel' });
    expect(errors.rows).toEqual({ [rows[1].key]: { provider: 'Aanbieder is verplicht' } });
    expect(errors.other).toEqual(['Datum bestaat niet']);
  });

  it('reads an unprefixed field as the only row of a batch of one', () => {
    const rows = [row('c-1', { 2: '1' })];
    const { origins } = buildBatch(rows, monday);
    const errors = mapBatchErrors([{ field: 'date', rule: 'not_in_future', message: 'ligt in de toekomst' }], origins, rows);
    expect(errors.cells).toEqual({ [cellKey(rows[0].key, 2)]: 'Datum ligt in de toekomst' });
  });
});
