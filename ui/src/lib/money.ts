// Euro amounts (the backend's cents), read and written in Dutch notation.

/** Cents → "€ 250,00", "€ 1.250,50". */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const euros = Math.floor(abs / 100).toLocaleString('nl-NL');
  return `€ ${sign}${euros},${String(abs % 100).padStart(2, '0')}`;
}

/** Cents → "250" or "250,50", as a form field shows them. */
export function eurosText(cents: number): string {
  const abs = Math.abs(Math.round(cents));
  const cent = abs % 100;
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}${cent ? `,${String(cent).padStart(2, '0')}` : ''}`;
}

/**
 * Reads "250", "250,00", "250,5", "1.250,50" or "€ 250" as cents; `null` unless it is an
 * amount of at least 0 with at most two decimals.
 */
export function parseEuros(text: string): number | null {
  const t = text.replace(/€/g, '').replace(/\s/g, '');
  const m = /^(\d{1,3}(?:\.\d{3})+|\d{1,9})(?:,(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const euros = Number(m[1].replace(/\./g, ''));
  const cents = m[2] === undefined ? 0 : Number(m[2].padEnd(2, '0'));
  return euros * 100 + cents;
}

/** The message shown under a field whose amount cannot be read. */
export const EUROS_HINT = 'Vul een bedrag in euro in, bijv. 250 of 250,50';
