// Test helper around mockIPC: per-command handlers plus a call log.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AppState, Client, ClientInput, Identity, LockState } from '../api';

export type Call = { cmd: string; args: Record<string, unknown> };
type Handler = (args: Record<string, unknown>) => unknown;

/**
 * Answers each command with its handler (a command without one is rejected). Events are mocked
 * too: `emit` from '@tauri-apps/api/event' reaches what the UI `listen`s to; they are not logged.
 * Unless a test says otherwise, Traject is unlocked (`lock_state`) and activity pings are
 * answered.
 */
export function installIpc(given: Record<string, Handler>): Call[] {
  const handlers: Record<string, Handler> = { lock_state: () => lockState(), activity: () => null, ...given };
  const calls: Call[] = [];
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args });
      const handler = handlers[cmd];
      if (!handler) throw { code: 'internal', message: `geen mock voor ${cmd}`, fields: [] };
      return handler(args);
    },
    { shouldMockEvents: true },
  );
  return calls;
}

export const IDENTITY: Identity = {
  name: 'Fatima de Vries',
  role: 'consultant',
  organisation: 'ISD Bollenstreek',
  municipalities: ['Hillegom', 'Lisse', 'Noordwijk', 'Teylingen'],
};

export function appState(overrides: Partial<AppState> = {}): AppState {
  return {
    identity: IDENTITY,
    db_path: '/home/test/.local/share/traject/traject.db',
    client_count: 62,
    pending_changes: 3,
    municipalities: IDENTITY.municipalities,
    today: '2025-03-14',
    ...overrides,
  };
}

/** The lock screen's state: open (unlocked) unless overridden. */
export function lockState(overrides: Partial<LockState> = {}): LockState {
  return {
    screen: 'open',
    profile: 'traject.db',
    db_path: '/home/test/.local/share/traject/traject.db',
    single_database: true,
    profiles: [],
    failures: 0,
    delay_seconds: 0,
    auto_lock_minutes: 15,
    ...overrides,
  };
}

export function clientInput(overrides: Partial<ClientInput> = {}): ClientInput {
  return {
    external_id: null,
    given_name: 'Ahmed',
    family_name: 'Haddad',
    birth_date: '1990-05-01',
    gender: 'M',
    country_of_origin: 'Syrië',
    mother_tongue: 'Arabisch',
    other_languages: ['Engels'],
    interpreter_needed: true,
    interpreter_language: 'Arabisch',
    client_type: 'statushouder',
    statushouder_subtype: null,
    municipality: 'Lisse',
    brp_registration_date: '2024-11-02',
    kennisgeving_date: null,
    obligation_date: null,
    housing_date: null,
    bsn: null,
    phone: '0612345678',
    email: null,
    address: null,
    consultant: 'Fatima de Vries',
    status: 'intake',
    ...overrides,
  };
}

export function client(overrides: Partial<Client> = {}): Client {
  return {
    id: '6f1c2a3e-0000-4000-8000-000000000001',
    created_at: '2025-03-01T09:15:00Z',
    updated_at: '2025-03-10T14:30:00Z',
    ...clientInput(),
    ...overrides,
  };
}
