// Small helpers the trajectory forms share.
import type { TrajectoryInput } from '../api';

/** What a form's `build` makes: the record to save, or messages per field that stop it. */
export type Built = TrajectoryInput | { invalid: Record<string, string> };

/** The id (and data-testid) of a form field: kind 'map-closing', field 'next_date' → 'map-closing-next-date'. */
export function fieldId(kind: string, field: string): string {
  return `${kind}-${field.replace(/_/g, '-')}`;
}

/** Trimmed text, or `null` when blank. */
export function text(value: string): string | null {
  const t = value.trim();
  return t === '' ? null : t;
}

/** A date input's value, or `null` when empty. */
export function date(value: string): string | null {
  return value === '' ? null : value;
}

/** Stops the save with these messages, when there are any. */
export function invalidOr(invalid: Record<string, string>, input: () => TrajectoryInput): Built {
  return Object.keys(invalid).length ? { invalid } : input();
}

/**
 * Records newest first by `date` (a 'YYYY-MM-DD'), the latest entered first on the same day;
 * `recordedAt` gives when an item was entered (its `recorded_at` unless given).
 */
export function newestFirst<T>(
  list: readonly T[],
  date: (item: T) => string,
  recordedAt: (item: T) => string = (item) => (item as { recorded_at: string }).recorded_at,
): T[] {
  return [...list].sort((a, b) => {
    const byDate = date(b).localeCompare(date(a));
    return byDate !== 0 ? byDate : recordedAt(b).localeCompare(recordedAt(a));
  });
}

/** Periods (begeleiding, ontzorgen, work) newest first by their start. */
export function newestStartFirst<T extends { stored: { record: { start: string }; recorded_at: string } }>(
  periods: readonly T[],
): T[] {
  return newestFirst(
    periods,
    (p) => p.stored.record.start,
    (p) => p.stored.recorded_at,
  );
}
