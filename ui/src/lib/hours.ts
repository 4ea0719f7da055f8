// Hours in quarter hours (the backend's Quarters), read and written in Dutch notation.

const DIGITS = /^\d{1,7}$/;
const QUARTER_FRACTIONS: Record<string, number> = { '': 0, '25': 1, '5': 2, '75': 3 };

/**
 * Reads "2", "1,5", "1.25", ",5", "1:30" or "0:45" as a number of quarter hours; `null`
 * unless it is a whole number of quarter hours of at least 0. Mirrors `Quarters::parse`.
 */
export function parseHours(text: string): number | null {
  const t = text.trim();
  const colon = t.indexOf(':');
  if (colon >= 0) {
    const h = t.slice(0, colon);
    const m = t.slice(colon + 1);
    if (!DIGITS.test(h) || !/^\d{1,2}$/.test(m)) return null;
    const minutes = Number(m);
    if (minutes % 15 !== 0 || minutes > 45) return null;
    return Number(h) * 4 + minutes / 15;
  }
  const s = t.replace(/,/g, '.');
  const dot = s.indexOf('.');
  const whole = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? '' : s.slice(dot + 1);
  if (whole === '' && frac === '') return null;
  if (whole !== '' && !DIGITS.test(whole)) return null;
  if (!/^\d{0,4}$/.test(frac)) return null;
  const quarter = QUARTER_FRACTIONS[frac.replace(/0+$/, '')];
  if (quarter === undefined) return null;
  return (whole === '' ? 0 : Number(whole)) * 4 + quarter;
}

/** Quarter hours in Dutch notation: "12", "1,5", "0,25", "-3,75". */
export function formatHours(quarters: number): string {
  const q = Math.round(quarters);
  const sign = q < 0 ? '-' : '';
  const abs = Math.abs(q);
  return `${sign}${Math.floor(abs / 4)}${['', ',25', ',5', ',75'][abs % 4]}`;
}

/** "1,5 uur". */
export function hoursText(quarters: number): string {
  return `${formatHours(quarters)} uur`;
}

/** Quarter hours as a plain number of hours, for aria values and widths. */
export function toHours(quarters: number): number {
  return quarters / 4;
}

/** The message shown under a field whose hours cannot be read. */
export const HOURS_HINT = 'Vul uren in per kwartier, bijv. 1,5';
