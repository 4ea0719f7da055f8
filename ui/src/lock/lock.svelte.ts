// Whether Traject is locked, for which profile, and what the lock screen asks: choose a
// passphrase (a new database), encrypt the database of an earlier version, or unlock. The
// backend decides; this mirrors it.
//
// While Traject is open, the user's keys, clicks and scrolling tell the backend (at most once
// per 30 seconds) that someone is there, so it locks only after the chosen idle minutes. The
// backend's `locked` event (the auto-lock) and any command that answers 'locked' bring the lock
// screen back; Ctrl+L locks at once.
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { api, type ApiError, type LockState } from '../api';
import { onLocked } from '../api/invoke';

/** The backend's event after the auto-lock, with the new LockState as payload. */
export const LOCKED_EVENT = 'locked';

/** At most one activity ping per this many milliseconds. */
export const ACTIVITY_INTERVAL_MS = 30_000;

type LockStore = {
  /** null until loaded, and when loading failed (then `error` says why). */
  state: LockState | null;
  error: ApiError | null;
  loading: boolean;
};

export const lock: LockStore = $state({ state: null, error: null, loading: true });

/** Asks the backend which screen to show. */
export async function loadLock(): Promise<void> {
  try {
    lock.state = await api.lockState();
    lock.error = null;
  } catch (e) {
    lock.error = e as ApiError;
  } finally {
    lock.loading = false;
  }
}

/** Shows the state a lock command answered with. */
export function showLock(state: LockState): void {
  lock.state = state;
  lock.error = null;
  lock.loading = false;
}

/** Locks now (the Vergrendel button, Ctrl+L). */
export async function lockNow(): Promise<void> {
  try {
    showLock(await api.lock());
  } catch (e) {
    lock.error = e as ApiError;
  }
}

/** Whether an activity ping is due at `now` (ms) when the last one went at `last` (null: none yet). */
export function pingDue(last: number | null, now: number, interval = ACTIVITY_INTERVAL_MS): boolean {
  return last === null || now - last >= interval;
}

/** Ctrl+L (⌘L on a Mac): lock. */
export function isLockShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l';
}

/**
 * Starts watching: the auto-lock event, commands answering 'locked', the user's activity and
 * Ctrl+L. Returns the function that stops it.
 */
export function startLockWatch(now: () => number = Date.now): () => void {
  let lastPing: number | null = null;
  let stopped = false;
  let unlisten: UnlistenFn | null = null;

  const active = (): void => {
    if (lock.state?.screen !== 'open' || !pingDue(lastPing, now())) return;
    lastPing = now();
    // A ping that fails (Traject locked meanwhile) changes nothing: the event says so.
    api.activity().catch(() => {});
  };
  const keydown = (event: KeyboardEvent): void => {
    if (lock.state?.screen === 'open' && isLockShortcut(event)) {
      event.preventDefault();
      void lockNow();
      return;
    }
    active();
  };

  window.addEventListener('keydown', keydown, true);
  window.addEventListener('mousedown', active, true);
  window.addEventListener('wheel', active, { capture: true, passive: true });
  onLocked(() => void loadLock());
  void (async () => {
    try {
      const stop = await listen<LockState>(LOCKED_EVENT, (event) => showLock(event.payload));
      if (stopped) stop();
      else unlisten = stop;
    } catch {
      // Outside Tauri there is no auto-lock event; a command answering 'locked' still shows
      // the lock screen.
    }
  })();

  return () => {
    stopped = true;
    window.removeEventListener('keydown', keydown, true);
    window.removeEventListener('mousedown', active, true);
    window.removeEventListener('wheel', active, true);
    onLocked(null);
    const stop = unlisten;
    if (stop) void Promise.resolve().then(stop).catch(() => {});
  };
}

/** A backend message as a sentence of its own: "het wachtwoord moet …" → "Het wachtwoord moet …". */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** The messages of a validation error per field (as sentences), and what belongs to no field. */
export function passphraseErrors(
  error: ApiError,
  fields: readonly string[],
): { fields: Record<string, string>; failure: string | null } {
  const byField: Record<string, string> = {};
  for (const f of error.fields) {
    if (fields.includes(f.field) && !byField[f.field]) byField[f.field] = sentence(f.message);
  }
  const shown = Object.keys(byField).length > 0;
  return { fields: byField, failure: shown ? null : sentence(error.message) };
}
