// Typed wrappers around the Tauri commands. Components import from here only.
import { getVersion } from '@tauri-apps/api/app';
import { call } from './invoke';
import type {
  AppState,
  CaseloadQuery,
  Client,
  ClientInput,
  ClientSummary,
  ContactAttempt,
  ContactAttemptInput,
  Dossier,
  Identity,
  Note,
  NoteInput,
} from './types';

export * from './types';
export { toApiError, isApiError } from './invoke';

export const api = {
  appState: () => call<AppState>('app_state'),
  saveIdentity: (identity: Identity) => call<Identity>('save_identity', { identity }),
  loadDemo: () => call<number>('load_demo'),
  caseload: (query: CaseloadQuery) => call<ClientSummary[]>('caseload', { query }),
  openDossier: (id: string) => call<Dossier>('open_dossier', { id }),
  openClient: (id: string) => call<Client>('open_client', { id }),
  createClient: (input: ClientInput) => call<Client>('create_client', { input }),
  updateClient: (id: string, input: ClientInput) => call<Client>('update_client', { id, input }),
  addContactAttempt: (clientId: string, input: ContactAttemptInput) =>
    call<ContactAttempt>('add_contact_attempt', { clientId, input }),
  addNote: (clientId: string, input: NoteInput) => call<Note>('add_note', { clientId, input }),
  /** App version from Tauri; falls back to the UI package version outside Tauri. */
  appVersion: async (): Promise<string> => {
    try {
      return (await getVersion()) || __APP_VERSION__;
    } catch {
      return __APP_VERSION__;
    }
  },
};
