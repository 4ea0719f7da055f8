// The Werkvoorraad's filters, kept at module level so they survive opening a dossier and coming
// back. They start from this user's default (a consultant's own caseload, a team lead's team)
// and start over when the identity changes.
import type { Identity, WerkvoorraadQuery } from '../api';
import { defaultWerkvoorraadQuery } from '../lib/signals.svelte';

type State = {
  query: WerkvoorraadQuery;
  /** Whose default the query started from: name and role. */
  owner: string | null;
  /** Every consultant seen in an answer (a filtered answer only lists its own). */
  consultants: string[];
};

export const werkvoorraadState: State = $state({
  query: defaultWerkvoorraadQuery(null),
  owner: null,
  consultants: [],
});

/** Makes sure the filters belong to this identity; resets them to its default otherwise. */
export function ensureWerkvoorraadQuery(identity: Identity | null): void {
  const owner = identity ? `${identity.role}:${identity.name}` : '';
  if (werkvoorraadState.owner === owner) return;
  werkvoorraadState.owner = owner;
  werkvoorraadState.query = defaultWerkvoorraadQuery(identity);
  werkvoorraadState.consultants = [];
}

/** Adds the consultants of an answer to the filter's list, sorted. */
export function rememberConsultants(names: readonly string[]): void {
  const all = new Set([...werkvoorraadState.consultants, ...names]);
  if (all.size === werkvoorraadState.consultants.length) return;
  werkvoorraadState.consultants = [...all].sort((a, b) => a.localeCompare(b, 'nl'));
}

export function resetWerkvoorraadState(): void {
  werkvoorraadState.query = defaultWerkvoorraadQuery(null);
  werkvoorraadState.owner = null;
  werkvoorraadState.consultants = [];
}
