// The caseload's search as you type, done here in the window on the rows it holds: no round
// trip per keystroke. Every word of the text must be part of the client's name, ignoring case
// and accents, as the backend's search finds them (crates/core, store/clients.rs
// `search_condition`; a word can hold no space, so "part of given name + ' ' + family name" is
// "part of either"). A whole BSN is looked up by the backend: the window holds no BSNs.

/** Lower case without accents: "Öztürk" → "ozturk". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The BSN typed (8 or 9 digits; spaces and dots are left out), or null for a name. */
export function bsnOf(text: string): string | null {
  const digits = text.replace(/[ .]/g, '');
  return /^\d{8,9}$/.test(digits) ? digits : null;
}

/** What a client's name is matched on. */
export function nameKey(client: { given_name: string; family_name: string }): string {
  return fold(`${client.given_name} ${client.family_name}`);
}

/** The words of a search text, folded; none for a blank text. */
export function searchWords(text: string): string[] {
  return fold(text).split(/\s+/).filter((w) => w !== '');
}

/** Whether every word is part of the name's key. */
export function nameMatches(key: string, words: string[]): boolean {
  return words.every((w) => key.includes(w));
}

/** Texts whose matches a name filter keeps; it forgets them all when it has more. */
const KEPT_TEXTS = 64;

/**
 * A filter of `rows` by the search words (`keys[i]` is row i's `nameKey`) that reuses what it
 * found before: typing on narrows the rows a shorter text matched (every row matching
 * "moha" is among those matching "moh"), and deleting finds the shorter text's rows kept.
 * A keystroke looks at the rows the text typed so far matched, not at every row.
 */
export function nameFilter<T>(rows: T[], keys: string[]): (words: string[]) => T[] {
  const all = rows.map((_, i) => i);
  const found = new Map<string, number[]>();
  return (words) => {
    if (words.length === 0) return rows;
    const text = words.join(' ');
    let hits = found.get(text);
    if (!hits) {
      // The longest text kept that this one starts with: each of its words is part of one of
      // these words, so the rows it matched hold every row these match.
      let from = all;
      for (let n = text.length - 1; n > 0; n--) {
        const kept = found.get(text.slice(0, n));
        if (kept) {
          from = kept;
          break;
        }
      }
      hits = from.filter((i) => nameMatches(keys[i], words));
      if (found.size >= KEPT_TEXTS) found.clear();
      found.set(text, hits);
    }
    return hits.map((i) => rows[i]);
  };
}
