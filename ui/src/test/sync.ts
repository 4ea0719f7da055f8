// Test helpers for sync: statuses, conflicts and a small in-memory backend of the sync commands.
import type { ApiError, ConflictChoice, ConflictView, SyncAccount, SyncLoginInput, SyncStatus } from '../api';

/** A local time today as RFC 3339 (UTC), so "om 14:32" holds in any time zone. */
export function todayAt(hours: number, minutes: number): string {
  const d = new Date();
  d.setHours(hours, minutes, 0, 0);
  return d.toISOString();
}

/** A local date and time as RFC 3339 (UTC). */
export function localAt(year: number, month: number, day: number, hours: number, minutes: number): string {
  return new Date(year, month - 1, day, hours, minutes).toISOString();
}

export const ACCOUNT: SyncAccount = {
  server: 'https://traject.bollenstreek.nl',
  user: 'fatima',
  device: 'LAPTOP-FATIMA',
  role: 'consultant',
  team: 'Team Noord',
};

export function notConfigured(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    account: null,
    state: 'not_configured',
    pending: 0,
    open_conflicts: 0,
    last_success: null,
    last_error: null,
    next_attempt: null,
    progress: null,
    last_report: null,
    ...overrides,
  };
}

export function syncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return notConfigured({ account: ACCOUNT, state: 'idle', last_success: todayAt(14, 32), ...overrides });
}

/** A conflict's id (the server's number). */
export function conflictId(n: number): ConflictView['id'] {
  return n;
}

export function conflict(overrides: Partial<ConflictView> = {}): ConflictView {
  return {
    id: conflictId(7),
    client_id: 'c-1',
    client_name: 'Ahmed Haddad',
    entity: 'clients',
    field: 'phone',
    label: 'Telefoon',
    kept: { value: '0612345678', by: 'jan (LAPTOP-JAN)', at: localAt(2025, 3, 12, 9, 15) },
    lost: { value: '0687654321', by: 'fatima (LAPTOP-FATIMA)', at: localAt(2025, 3, 12, 10, 40) },
    created_at: localAt(2025, 3, 13, 8, 5),
    ...overrides,
  };
}

function reject(code: ApiError['code'], message: string): Promise<never> {
  return Promise.reject({ code, message, fields: [] } satisfies ApiError);
}

/**
 * The sync commands as the backend answers them: logging in with password "geheim" works, any
 * other is refused; sync_now sends the pending changes; resolving drops the conflict.
 */
export function syncBackend(start: SyncStatus = notConfigured(), conflicts: ConflictView[] = []) {
  const state = { status: { ...start }, conflicts: [...conflicts], failNext: null as string | null };

  function withConflicts(): SyncStatus {
    state.status = { ...state.status, open_conflicts: state.conflicts.length };
    return state.status;
  }

  return {
    state,
    handlers: {
      sync_status: () => withConflicts(),
      sync_log_in: (args: Record<string, unknown>) => {
        const input = args.input as SyncLoginInput;
        if (input.server.startsWith('http://') && !input.allow_http) {
          return reject('validation', 'alleen https, of http naar deze computer');
        }
        if (input.password !== 'geheim') return reject('conflict', 'gebruikersnaam of wachtwoord klopt niet');
        state.status = {
          ...state.status,
          account: { ...ACCOUNT, server: input.server, user: input.user, device: input.device ?? 'LAPTOP-FATIMA' },
          state: 'idle',
        };
        return withConflicts();
      },
      sync_log_out: () => {
        state.status = { ...state.status, account: null, state: 'not_configured', last_report: null };
        return withConflicts();
      },
      sync_now: () => {
        if (state.failNext) {
          const message = state.failNext;
          state.failNext = null;
          state.status = { ...state.status, state: 'failed', last_error: message };
          return reject('internal', message);
        }
        const pushed = state.status.pending;
        state.status = {
          ...state.status,
          state: 'idle',
          pending: 0,
          last_success: todayAt(14, 45),
          last_error: null,
          last_report: { pushed, rejected: [], conflicts: 0, pulled: 30, not_applied: [], moved: 0, purged: 0, reset: false },
        };
        return withConflicts();
      },
      conflicts: () => state.conflicts,
      resolve_conflict: (args: Record<string, unknown>) => {
        const choice = args.choice as ConflictChoice;
        if (choice !== 'kept' && choice !== 'lost') return reject('validation', 'onbekende keuze');
        const before = state.conflicts.length;
        state.conflicts = state.conflicts.filter((c) => Number(c.id) !== args.id);
        if (state.conflicts.length === before) return reject('not_found', 'Dit conflict bestaat niet (meer).');
        withConflicts();
        return state.conflicts;
      },
    },
  };
}
