// The fast-entry grid: a week of hours for several clients, turned into one batch of HoursRows.
import type { FieldError, HourCategory, HoursRow } from '../api';
import { HOURS_HINT, formatHours, parseHours } from '../lib/hours';
import { hoursFieldLabel } from '../lib/labels';

export const DAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export const DAY_NAMES = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'] as const;

export type PickedClient = { id: string; name: string; municipality: string };

export type GridRow = {
  /** Stable key of the row in the grid (not its position). */
  key: number;
  client: PickedClient | null;
  category: HourCategory;
  provider: string;
  /** Seven cells, Monday first, as typed. */
  cells: string[];
};

/** Which grid row and day produced a batch row. */
export type Origin = { row: number; day: number };

/** Error messages placed where the user can fix them. */
export type GridErrors = {
  /** Keyed by cellKey(rowKey, day). */
  cells: Record<string, string>;
  /** Keyed by row key, then 'client' | 'category' | 'provider'. */
  rows: Record<number, Record<string, string>>;
  /** Messages that belong to no cell or row. */
  other: string[];
};

export const NO_GRID_ERRORS: GridErrors = { cells: {}, rows: {}, other: [] };

export function cellKey(rowKey: number, day: number): string {
  return `${rowKey}:${day}`;
}

let nextKey = 1;

export function emptyRow(category: HourCategory = 'taal'): GridRow {
  return { key: nextKey++, client: null, category, provider: '', cells: ['', '', '', '', '', '', ''] };
}

function toDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' plus `n` days. */
export function addDays(iso: string, n: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return toIso(d);
}

/** The Monday of the week `iso` falls in. */
export function mondayOf(iso: string): string {
  const weekday = (toDate(iso).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(iso, -weekday);
}

/** ISO 8601 week number of the week starting on `monday`. */
export function isoWeek(monday: string): number {
  const thursday = toDate(addDays(monday, 3));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
}

/** A cell's quarter hours: `null` when empty, `NaN` when it cannot be read or is 0. */
export function cellQuarters(text: string): number | null {
  if (text.trim() === '') return null;
  const q = parseHours(text);
  return q === null || q === 0 ? NaN : q;
}

export function rowTotal(row: GridRow): number {
  return row.cells.reduce((sum, text) => {
    const q = cellQuarters(text);
    return q === null || Number.isNaN(q) ? sum : sum + q;
  }, 0);
}

/** Whether day `day` of the week starting `monday` lies after `today` (no hours yet). */
export function isFuture(monday: string, day: number, today: string): boolean {
  return addDays(monday, day) > today;
}

/**
 * Mistakes the grid shows before anything is sent: unreadable cells, days after today, hours
 * without a client.
 */
export function checkGrid(rows: GridRow[], monday: string, today: string): GridErrors {
  const errors: GridErrors = { cells: {}, rows: {}, other: [] };
  for (const row of rows) {
    let filled = false;
    row.cells.forEach((text, day) => {
      const q = cellQuarters(text);
      if (q === null) return;
      filled = true;
      if (Number.isNaN(q)) errors.cells[cellKey(row.key, day)] = HOURS_HINT;
      else if (isFuture(monday, day, today)) errors.cells[cellKey(row.key, day)] = 'Deze dag ligt in de toekomst';
    });
    if (filled && !row.client) errors.rows[row.key] = { client: 'Kies een cliënt' };
  }
  return errors;
}

export function hasErrors(errors: GridErrors): boolean {
  return Object.keys(errors.cells).length > 0 || Object.keys(errors.rows).length > 0 || errors.other.length > 0;
}

/**
 * One HoursRow per filled cell, rows top to bottom and days Monday first; `origins[i]` is the
 * grid row (by position) and day of batch row `i`. Assumes checkGrid found nothing.
 */
export function buildBatch(rows: GridRow[], monday: string): { batch: HoursRow[]; origins: Origin[] } {
  const batch: HoursRow[] = [];
  const origins: Origin[] = [];
  rows.forEach((row, index) => {
    if (!row.client) return;
    row.cells.forEach((text, day) => {
      const q = cellQuarters(text);
      if (q === null || Number.isNaN(q)) return;
      batch.push({
        client_id: row.client!.id,
        date: addDays(monday, day),
        quarters: q,
        category: row.category,
        source: 'consultant',
        provider: row.provider.trim() || null,
        note: null,
      });
      origins.push({ row: index, day });
    });
  });
  return { batch, origins };
}

const ROW_FIELDS = new Set(['category', 'provider', 'source', 'note']);
const CELL_FIELDS = new Set(['quarters', 'date']);

/**
 * Places the backend's validation errors: field "3.quarters" is batch row 3's hours and goes to
 * the cell that produced it. A batch of one row has no prefix.
 */
export function mapBatchErrors(fields: FieldError[], origins: Origin[], rows: GridRow[]): GridErrors {
  const errors: GridErrors = { cells: {}, rows: {}, other: [] };
  for (const f of fields) {
    const m = /^(\d+)\.(.+)$/.exec(f.field);
    const index = m ? Number(m[1]) : origins.length === 1 ? 0 : -1;
    const field = m ? m[2] : f.field;
    const text = `${hoursFieldLabel(field)} ${f.message}`;
    const origin = origins[index];
    const row = origin ? rows[origin.row] : undefined;
    if (!origin || !row) {
      errors.other.push(text);
    } else if (CELL_FIELDS.has(field)) {
      errors.cells[cellKey(row.key, origin.day)] ??= text;
    } else if (ROW_FIELDS.has(field)) {
      (errors.rows[row.key] ??= {})[field] ??= text;
    } else {
      errors.other.push(text);
    }
  }
  return errors;
}

/** "12 regels opgeslagen (34,5 uur) voor 5 cliënten". */
export function savedSummary(batch: HoursRow[]): string {
  const quarters = batch.reduce((sum, r) => sum + r.quarters, 0);
  const clients = new Set(batch.map((r) => r.client_id)).size;
  const lines = batch.length === 1 ? '1 regel' : `${batch.length} regels`;
  return `${lines} opgeslagen (${formatHours(quarters)} uur) voor ${clients} ${clients === 1 ? 'cliënt' : 'cliënten'}`;
}
