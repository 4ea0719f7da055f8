import { describe, expect, it } from 'vitest';
import { api, isApiError, toApiError } from './index';
import { onLocked } from './invoke';
import { installIpc } from '../test/ipc';

describe('toApiError', () => {
  it('keeps a backend ApiError as is', () => {
    const err = toApiError({
      code: 'validation',
      message: 'Ongeldige invoer',
      fields: [{ field: 'birth_date', rule: 'not_future', message: 'ligt in de toekomst' }],
    });
    expect(err).toEqual({
      code: 'validation',
      message: 'Ongeldige invoer',
      fields: [{ field: 'birth_date', rule: 'not_future', message: 'ligt in de toekomst' }],
    });
    expect(isApiError(err)).toBe(true);
  });

  it('maps string rejections to code internal', () => {
    expect(toApiError('database is locked')).toEqual({
      code: 'internal',
      message: 'database is locked',
      fields: [],
    });
  });

  it('maps Error objects and unknown values to code internal', () => {
    expect(toApiError(new Error('kapot'))).toMatchObject({ code: 'internal', message: 'kapot' });
    expect(toApiError(undefined)).toMatchObject({ code: 'internal', fields: [] });
    expect(toApiError({ code: 'weird', message: 'x' })).toMatchObject({ code: 'internal', message: 'x', fields: [] });
  });
});

describe('api wrapper', () => {
  it('passes camelCase arguments to the command', async () => {
    const calls = installIpc({
      add_note: (args) => ({
        id: 'n1',
        client_id: args.clientId,
        text: (args.input as { text: string }).text,
        author: 'A',
        created_at: '2025-01-01T00:00:00Z',
      }),
    });
    const note = await api.addNote('c1', { text: 'Hallo' });
    expect(calls).toEqual([{ cmd: 'add_note', args: { clientId: 'c1', input: { text: 'Hallo' } } }]);
    expect(note.client_id).toBe('c1');
  });

  it('rejects with a typed ApiError when the backend rejects with a string', async () => {
    installIpc({
      app_state: () => {
        throw 'database is locked';
      },
    });
    await expect(api.appState()).rejects.toEqual({ code: 'internal', message: 'database is locked', fields: [] });
  });

  it('rejects with the backend ApiError unchanged', async () => {
    installIpc({
      open_dossier: () => Promise.reject({ code: 'not_found', message: 'Cliënt niet gevonden', fields: [] }),
    });
    await expect(api.openDossier('x')).rejects.toEqual({
      code: 'not_found',
      message: 'Cliënt niet gevonden',
      fields: [],
    });
  });

  it('tells the lock screen when a command finds Traject locked', async () => {
    let told = 0;
    onLocked(() => (told += 1));
    installIpc({
      caseload: () => Promise.reject({ code: 'locked', message: 'Traject is vergrendeld', fields: [] }),
      open_dossier: () => Promise.reject({ code: 'not_found', message: 'weg', fields: [] }),
    });
    await expect(api.caseload({} as never)).rejects.toMatchObject({ code: 'locked' });
    await expect(api.openDossier('x')).rejects.toMatchObject({ code: 'not_found' });
    onLocked(null);
    await expect(api.caseload({} as never)).rejects.toMatchObject({ code: 'locked' });
    expect(told).toBe(1);
  });
});
