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
   * The ids `search_clients` answered for the last BSN typed, or null. A Set is not made
   * deeply reactive; the field is replaced, not mutated.
   */
  bsnMatch: { bsn: string; ids: ReadonlySet<string> } | null;
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
  bsnMatch: null,
  onlyMine: false,
  byDeadline: false,
  deadlineDescending: false,
});

export function resetCaseloadState(): void {
  lastRows = null;
  caseloadState.query = defaultQuery();
  caseloadState.searchText = '';
  caseloadState.bsnMatch = null;
  caseloadState.onlyMine = false;
  caseloadState.byDeadline = false;
  caseloadState.deadlineDescending = false;
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
