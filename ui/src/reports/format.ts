// The values of the report tables, written the way the backend writes them in its exports
// (without the masking of small counts: the screen always shows the real numbers).
import type { CellKind, ReportRow, ReportTable } from '../api';
import { EMPTY } from '../lib/format';
import { formatEuros } from '../lib/money';

/**
 * One cell: count and days as whole numbers ("12"), percent with one decimal ("37,5 %"), hours
 * with two ("150,50"), euros as "€ 1.250,00"; null as "—".
 */
export function formatCell(kind: CellKind, value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return EMPTY;
  switch (kind) {
    case 'count':
    case 'days':
      return value.toFixed(0);
    case 'percent':
      return `${value.toFixed(1).replace('.', ',')} %`;
    case 'hours':
      return value.toFixed(2).replace('.', ',');
    case 'euro':
      return formatEuros(Math.round(value * 100));
  }
}

/** A total or subtotal row: its first label starts with "Totaal". */
export function isTotal(row: ReportRow): boolean {
  return (row.labels[0] ?? '').startsWith('Totaal');
}

/** The rows that are not totals: the categories of a chart. */
export function detailRows(table: ReportTable): ReportRow[] {
  return table.rows.filter((r) => !isTotal(r));
}

/** The grand total: the last row, when it is a total. */
export function totalRow(table: ReportTable): ReportRow | null {
  const last = table.rows.at(-1);
  return last && isTotal(last) ? last : null;
}

/** The index of the column titled `title`; -1 when the table has none. */
export function columnIndex(table: ReportTable, title: string): number {
  return table.columns.findIndex((c) => c.title === title);
}

/** A row's value in the column titled `title`; null when there is no such column or value. */
export function valueOf(table: ReportTable, row: ReportRow | null, title: string): number | null {
  const i = columnIndex(table, title);
  return row && i >= 0 ? (row.values[i] ?? null) : null;
}

/** A row's value in the column titled `title`, formatted by its kind; "—" when missing. */
export function formatValueOf(table: ReportTable, row: ReportRow | null, title: string): string {
  const i = columnIndex(table, title);
  return i >= 0 ? formatCell(table.columns[i].kind, valueOf(table, row, title)) : EMPTY;
}

/** Whether `value` is a whole reference date ('YYYY-MM-DD'), not one half typed. */
export function isReference(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}
