// Caseload query, kept at module level so it survives navigating to a dossier and back.
import type { CaseloadQuery, ClientSummary } from '../api';

export function defaultQuery(): CaseloadQuery {
  return {
    text: null,
    municipality: null,
    client_type: null,
    status: null,
    consultant: null,
    sort: 'name',
    descending: false,
  };
}

export const caseloadState: {
  /** The backend's filters and sort; `text` stays null (the search filters here). */
  query: CaseloadQuery;
  searchText: string;
  /**
   * The ids `search_clients` answered per BSN typed, the last few (deleting the ninth digit
   * shows the eight digits' answer again without asking). Replaced, not mutated: a Map is
   * not made deeply reactive. Forgotten when the caseload opens again.
   */
  bsnMatches: ReadonlyMap<string, ReadonlySet<string>>;
  onlyMine: boolean;
  /**
   * Sorted by the next deadline, here in the UI (the backend sorts every other column); the
   * backend's sort orders the rows with the same deadline.
   */
  byDeadline: boolean;
  deadlineDescending: boolean;
} = $state({
  query: defaultQuery(),
  searchText: '',
  bsnMatches: new Map(),
  onlyMine: false,
  byDeadline: false,
  deadlineDescending: false,
});

export function resetCaseloadState(): void {
  lastRows = null;
  caseloadState.query = defaultQuery();
  caseloadState.searchText = '';
  caseloadState.bsnMatches = new Map();
  caseloadState.onlyMine = false;
  caseloadState.byDeadline = false;
  caseloadState.deadlineDescending = false;
}

/** BSN answers kept; the oldest is dropped when there are more. */
const KEPT_BSNS = 8;

export function rememberBsnMatch(bsn: string, ids: ReadonlySet<string>): void {
  const kept = [...caseloadState.bsnMatches].filter(([b]) => b !== bsn).slice(1 - KEPT_BSNS);
  caseloadState.bsnMatches = new Map([...kept, [bsn, ids]]);
}

/**
 * The rows last loaded, kept (not reactive: 10,000 of them) so coming back to the caseload
 * shows them at once. `key` is the query without the search text and the data's version
 * (`signals.version`, raised after every save and sync): any change loads them again.
 */
let lastRows: { key: string; rows: ClientSummary[] } | null = null;

export function rowsKey(query: CaseloadQuery, version: number): string {
  return `${version}|${JSON.stringify({ ...query, text: null })}`;
}

export function rememberRows(key: string, rows: ClientSummary[]): void {
  lastRows = { key, rows };
}

export function rememberedRows(key: string): ClientSummary[] | null {
  return lastRows?.key === key ? lastRows.rows : null;
}
