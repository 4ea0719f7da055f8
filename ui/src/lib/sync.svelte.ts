// The sync status the shell shows (status bar, sidebar, Instellingen → Synchronisatie, Conflicten).
//
// The shell starts it once (startSync): it listens to the backend's `sync-status` event, which
// carries the whole SyncStatus on every change (start, progress, end, failure, the automatic
// attempts), and loads `sync_status` once. Screens refresh it after what they did (refreshSync,
// or showSyncStatus with a command's answer); refreshApp() refreshes it too, because every local
// save changes the number of changes still to send.
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { api, type ApiError, type SyncStatus } from '../api';

/** The backend's event with the new SyncStatus as payload. */
export const SYNC_STATUS_EVENT = 'sync-status';

type SyncStore = {
  /** null until loaded (and when loading failed: the shell then shows "niet ingesteld"). */
  status: SyncStatus | null;
  /** Why the status could not be loaded. */
  error: ApiError | null;
};

export const sync: SyncStore = $state({ status: null, error: null });

/** Whether the shell is running the store (listening and refreshing after every save). */
let active = false;
/** Called when a sync finished (its last_success changed): the data on screen may be stale. */
let onSynced: (() => void) | null = null;
/** Statuses pushed by an event or returned by a command: newer than any answer still in flight. */
let pushes = 0;
let fetches = 0;
let shownFetch = 0;

function show(status: SyncStatus): void {
  const before = sync.status;
  // A wiped laptop stays wiped until the app is started again.
  if (before?.state === 'wiped') return;
  sync.status = status;
  sync.error = null;
  if (before && status.last_success && status.last_success !== before.last_success) onSynced?.();
}

/** Shows a status the backend pushed or a command answered with. */
export function showSyncStatus(status: SyncStatus): void {
  pushes += 1;
  show(status);
}

/** Loads the status; an answer older than an event or a command's answer is dropped. */
export async function refreshSync(): Promise<void> {
  const mine = ++fetches;
  const at = pushes;
  try {
    const status = await api.syncStatus();
    if (at !== pushes || mine < shownFetch) return;
    shownFetch = mine;
    show(status);
  } catch (e) {
    if (at === pushes && mine >= shownFetch) sync.error = e as ApiError;
  }
}

/** Something was saved: the number of changes to send changed. Only while the shell runs. */
export function syncChanged(): void {
  if (active) void refreshSync();
}

/**
 * Starts listening to the backend and loads the status; returns the function that stops it.
 * `synced` runs after every finished sync (manual or automatic), e.g. to reload the app state.
 */
export function startSync(synced?: () => void): () => void {
  active = true;
  onSynced = synced ?? null;
  let stopped = false;
  let unlisten: UnlistenFn | null = null;
  void (async () => {
    try {
      const stop = await listen<SyncStatus>(SYNC_STATUS_EVENT, (event) => {
        if (!stopped) showSyncStatus(event.payload);
      });
      if (stopped) stop();
      else unlisten = stop;
    } catch {
      // Outside Tauri (or in a test without event mocks) there are no live updates; the status
      // is still loaded below and refreshed after every action.
    }
    if (!stopped) await refreshSync();
  })();
  return () => {
    stopped = true;
    const stop = unlisten;
    // The event plugin may already be gone (a closing window, a test's cleared mocks).
    if (stop) void Promise.resolve().then(stop).catch(() => {});
    resetSync();
  };
}

/** Forgets the status and stops refreshing (the shell closed; tests). */
export function resetSync(): void {
  active = false;
  onSynced = null;
  sync.status = null;
  sync.error = null;
  pushes += 1; // answers in flight are stale now
}
