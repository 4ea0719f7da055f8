// The money tables of Instellingen → Geld: the SPUK grid, shares, and the forms' errors.
import type { SpukKind, SpukRate } from '../api';
import { formErrors, type FormErrors } from '../hours/errors';
import { SPUK_KIND_LABELS } from '../lib/labels';
import { EUROS_HINT, parseEuros } from '../lib/money';

export const SPUK_KINDS = Object.keys(SPUK_KIND_LABELS) as SpukKind[];

/** One cohort year of the SPUK grid: the amount of each kind, null when not in the table. */
export type SpukYear = { year: number; cents: Record<SpukKind, number | null> };

/** The SPUK rates as rows per cohort year, oldest first. */
export function spukGrid(rates: readonly SpukRate[]): SpukYear[] {
  const years = new Map<number, SpukYear>();
  for (const r of rates) {
    let row = years.get(r.year);
    if (!row) {
      row = { year: r.year, cents: Object.fromEntries(SPUK_KINDS.map((k) => [k, null])) as SpukYear['cents'] };
      years.set(r.year, row);
    }
    row.cents[r.kind] = r.cents;
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** Tenths of a percent as "12,5 %", "25 %". */
export function permilleText(permille: number): string {
  return `${(permille / 10).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} %`;
}

/** A whole year from a number input, or null. */
export function wholeYear(value: number | null | undefined): number | null {
  return value != null && Number.isInteger(value) ? value : null;
}

/**
 * The year and amount of a money form as the backend takes them, or the message of each field
 * that cannot be read (`yearField`: the form's name of the year, e.g. `from_year`).
 */
export function readYearAndAmount(
  year: number | null | undefined,
  amount: string,
  yearField: string,
): { year: number; cents: number } | FormErrors {
  const invalid: Record<string, string> = {};
  const y = wholeYear(year);
  if (y === null) invalid[yearField] = 'Vul een jaartal in, bijv. 2025';
  const cents = parseEuros(amount);
  if (amount.trim() === '') invalid.cents = 'Bedrag is verplicht';
  else if (cents === null) invalid.cents = EUROS_HINT;
  return y === null || cents === null ? { fields: invalid, failure: null } : { year: y, cents };
}

/**
 * The backend's messages at the form's fields (`labels`: field → label). They read as sentences
 * of their own ("2019 ligt niet tussen 2021 en 2100", "het bedrag moet groter zijn …").
 */
export function moneyErrors(reason: unknown, labels: Record<string, string>): FormErrors {
  return formErrors(
    reason,
    Object.keys(labels),
    (f) => labels[f] ?? f,
    (_, m) => m.charAt(0).toUpperCase() + m.slice(1),
  );
}
