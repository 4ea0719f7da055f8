// Global application state (AppState from the backend), shared via a rune-backed object.
import { api, type ApiError, type AppState } from '../api';
import { signalsChanged } from './signals.svelte';
import { syncChanged } from './sync.svelte';

type AppStore = {
  state: AppState | null;
  error: ApiError | null;
  loading: boolean;
};

export const app: AppStore = $state({ state: null, error: null, loading: true });

/**
 * Reloads AppState from the backend (counts, identity, municipalities). Every screen calls it
 * after a save, so it also tells the signals (navigation count, next deadlines) and the sync
 * status (changes still to send) to reload.
 */
export async function refreshApp(): Promise<void> {
  try {
    app.state = await api.appState();
    app.error = null;
    signalsChanged();
    syncChanged();
  } catch (e) {
    app.error = e as ApiError;
  } finally {
    app.loading = false;
  }
}
