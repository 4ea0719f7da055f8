// Caseload query, kept at module level so it survives navigating to a dossier and back.
import type { CaseloadQuery } from '../api';

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
  query: CaseloadQuery;
  searchText: string;
  onlyMine: boolean;
  /**
   * Sorted by the next deadline, here in the UI (the backend sorts every other column); the
   * backend's sort orders the rows with the same deadline.
   */
  byDeadline: boolean;
  deadlineDescending: boolean;
} = $state({ query: defaultQuery(), searchText: '', onlyMine: false, byDeadline: false, deadlineDescending: false });

export function resetCaseloadState(): void {
  caseloadState.query = defaultQuery();
  caseloadState.searchText = '';
  caseloadState.onlyMine = false;
  caseloadState.byDeadline = false;
  caseloadState.deadlineDescending = false;
}
