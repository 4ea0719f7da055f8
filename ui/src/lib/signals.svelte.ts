// What the shell keeps of the signals outside the Werkvoorraad screen: the navigation's count of
// urgent signals and the caseload's next deadline per client. Both are cached until something
// changes: every save ends in refreshApp(), which calls signalsChanged().
import { api, type Identity, type Signal, type SignalCounts, type WerkvoorraadQuery } from '../api';

type SignalStore = {
  /** The counts of this user's default Werkvoorraad; null until loaded (or when it failed). */
  counts: SignalCounts | null;
  /** Next deadline per client id; null until loaded or after a change. */
  deadlines: Map<string, Signal> | null;
  /** Goes up on every change, so whatever shows signals knows to reload. */
  version: number;
};

export const signals: SignalStore = $state({ counts: null, deadlines: null, version: 0 });

/** A consultant sees their own caseload, a team lead the whole team. */
export function defaultWerkvoorraadQuery(identity: Identity | null): WerkvoorraadQuery {
  return {
    consultant: identity?.role === 'consultant' ? identity.name : null,
    municipality: null,
    kinds: [],
    include_acknowledged: false,
  };
}

/** Whether a query is the default one of this user (its counts are the navigation's). */
export function isDefaultQuery(query: WerkvoorraadQuery, identity: Identity | null): boolean {
  const d = defaultWerkvoorraadQuery(identity);
  return (
    query.consultant === d.consultant &&
    query.municipality === null &&
    query.kinds.length === 0 &&
    !query.include_acknowledged
  );
}

let countSeq = 0;

/** Reloads the navigation's counts for this user's default query. */
export async function refreshSignalCounts(identity: Identity | null): Promise<void> {
  const mine = ++countSeq;
  try {
    // Only the counts are needed: no items.
    const result = await api.werkvoorraad({ ...defaultWerkvoorraadQuery(identity), per_group: 0 });
    if (mine === countSeq) signals.counts = result.counts;
  } catch {
    // The badge is a convenience: without it the Werkvoorraad screen still tells everything.
    if (mine === countSeq) signals.counts = null;
  }
}

/** The Werkvoorraad screen loaded the default query: its counts are the navigation's. */
export function setSignalCounts(counts: SignalCounts): void {
  ++countSeq; // an older request in flight must not overwrite these
  signals.counts = counts;
}

let loading: { version: number; promise: Promise<void> } | null = null;

/** Loads the next deadlines once; later calls use the cache until signalsChanged(). */
export function loadDeadlines(): Promise<void> {
  if (signals.deadlines !== null) return Promise.resolve();
  const version = signals.version;
  if (loading && loading.version === version) return loading.promise;
  const mine = { version, promise: Promise.resolve() };
  mine.promise = (async () => {
    let map = new Map<string, Signal>();
    try {
      for (const d of await api.nextDeadlines()) map.set(d.client_id, d.signal);
    } catch {
      // The column stays empty until the next change loads it again.
      map = new Map();
    }
    if (loading === mine) loading = null;
    // Something changed while loading: the answer may be stale, the next load replaces it.
    if (version === signals.version) signals.deadlines = map;
  })();
  loading = mine;
  return mine.promise;
}

/** Something was saved: the counts and deadlines may have changed. */
export function signalsChanged(): void {
  signals.deadlines = null;
  signals.version += 1;
}

/** For tests: forget everything. */
export function resetSignals(): void {
  signals.counts = null;
  signals.deadlines = null;
  signals.version = 0;
  loading = null;
  countSeq += 1;
}
