// Grouping and filtering of the bundled components' licences for "Over Traject".
import type { Licence } from '../api';

export type LicenceGroup = { licence: string; items: Licence[] };

const byName = (a: Licence, b: Licence): number =>
  a.name.localeCompare(b.name, 'nl') || a.version.localeCompare(b.version, 'nl', { numeric: true });

/**
 * The licences whose name contains `filter` (case-insensitive), grouped by licence expression:
 * the most used expression first, 'onbekend' last; within a group by name.
 */
export function groupLicences(licences: readonly Licence[], filter = ''): LicenceGroup[] {
  const needle = filter.trim().toLocaleLowerCase('nl');
  const groups = new Map<string, Licence[]>();
  for (const l of licences) {
    if (needle && !l.name.toLocaleLowerCase('nl').includes(needle)) continue;
    const key = l.license.trim() || 'onbekend';
    const group = groups.get(key);
    if (group) group.push(l);
    else groups.set(key, [l]);
  }
  const unknown = (g: LicenceGroup): number => (g.licence === 'onbekend' ? 1 : 0);
  return [...groups]
    .map(([licence, items]) => ({ licence, items: items.sort(byName) }))
    .sort((a, b) => unknown(a) - unknown(b) || b.items.length - a.items.length || a.licence.localeCompare(b.licence));
}

/** "1 open-sourceonderdeel", "12 open-sourceonderdelen". */
export function componentCount(n: number): string {
  return `${n.toLocaleString('nl-NL')} open-sourceonderde${n === 1 ? 'el' : 'len'}`;
}
