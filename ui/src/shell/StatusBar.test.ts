import { beforeEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { emit } from '@tauri-apps/api/event';
import App from '../App.svelte';
import StatusBar from './StatusBar.svelte';
import { app } from '../lib/app.svelte';
import { resetSignals } from '../lib/signals.svelte';
import { SYNC_STATUS_EVENT, resetSync, showSyncStatus, sync } from '../lib/sync.svelte';
import { resetCaseloadState } from '../caseload/state.svelte';
import { router } from './router.svelte';
import { appState, installIpc } from '../test/ipc';
import type { SyncStatus } from '../api';
import { conflict, conflictId, localAt, notConfigured, syncBackend, syncStatus, todayAt } from '../test/sync';

describe('the status bar sync slot', () => {
  beforeEach(() => {
    app.state = appState();
    router.view = { name: 'caseload' };
    resetSync();
    resetSignals();
    resetCaseloadState();
  });

  it('says what the sync is doing in every state', () => {
    installIpc({});
    render(StatusBar);
    const slot = () => screen.getByTestId('status-sync');

    expect(slot().textContent?.trim()).toBe('Synchronisatie niet ingesteld');
    expect(slot().dataset.state).toBe('not_configured');

    showSyncStatus(notConfigured());
    flushSync();
    expect(slot().textContent?.trim()).toBe('Synchronisatie niet ingesteld');

    showSyncStatus(syncStatus({ last_success: todayAt(14, 32) }));
    flushSync();
    expect(slot().textContent?.trim()).toBe('Gesynchroniseerd om 14:32');
    expect(slot().className).toContain('tone-ok');

    showSyncStatus(syncStatus({ last_success: localAt(2025, 3, 13, 16, 5) }));
    flushSync();
    expect(slot().textContent?.trim()).toBe('Gesynchroniseerd op 13-03-2025 om 16:05');

    showSyncStatus(syncStatus({ last_success: null }));
    flushSync();
    expect(slot().textContent?.trim()).toBe('Nog niet gesynchroniseerd');

    showSyncStatus(syncStatus({ state: 'syncing', progress: { phase: 'push', done: 1200, total: 3400 } }));
    flushSync();
    expect(slot().textContent?.trim()).toBe('Synchroniseren… 1.200 van 3.400');
    expect(slot().className).toContain('tone-busy');

    showSyncStatus(syncStatus({ state: 'syncing', progress: { phase: 'pull', done: 0, total: null } }));
    flushSync();
    expect(slot().textContent?.trim()).toBe('Synchroniseren… (ophalen)');

    showSyncStatus(
      syncStatus({ state: 'offline', next_attempt: todayAt(14, 40), last_error: 'server niet bereikbaar' }),
    );
    flushSync();
    expect(slot().textContent?.trim()).toBe('Offline — volgende poging om 14:40');
    expect(slot().className).toContain('tone-offline');

    showSyncStatus(syncStatus({ state: 'failed', last_error: 'de server weigert dit apparaat' }));
    flushSync();
    expect(slot().textContent?.trim()).toBe('Synchronisatie mislukt');
    expect(slot().className).toContain('tone-failed');
    expect(slot().getAttribute('title')).toBe('de server weigert dit apparaat');
  });

  it('counts the open conflicts and the changes still to send from the sync status', () => {
    installIpc({});
    render(StatusBar);
    // Until the status is loaded, the app state's count.
    expect(screen.getByTestId('status-pending').textContent).toBe('3 wijzigingen niet gesynchroniseerd');
    expect(screen.queryByTestId('status-conflicts')).toBeNull();

    showSyncStatus(syncStatus({ pending: 1, open_conflicts: 1 }));
    flushSync();
    expect(screen.getByTestId('status-pending').textContent).toBe('1 wijziging niet gesynchroniseerd');
    expect(screen.getByTestId('status-conflicts').textContent?.trim()).toBe('1 conflict');

    showSyncStatus(syncStatus({ pending: 0, open_conflicts: 2 }));
    flushSync();
    expect(screen.getByTestId('status-pending').textContent).toBe('0 wijzigingen niet gesynchroniseerd');
    expect(screen.getByTestId('status-conflicts').textContent?.trim()).toBe('2 conflicten');
  });

  it('loads the status at start, follows the backend events and leads to the sync settings and the conflicts', async () => {
    const backend = syncBackend(syncStatus({ last_success: todayAt(9, 0), pending: 4 }));
    const calls = installIpc({ ...backend.handlers, app_state: () => appState(), caseload: () => [] });
    /** The backend's status changes and it says so. */
    const push = (status: SyncStatus) => {
      backend.state.status = status;
      return emit(SYNC_STATUS_EVENT, status);
    };
    const user = userEvent.setup();
    render(App);

    const slot = await screen.findByTestId('status-sync');
    await waitFor(() => expect(slot.textContent?.trim()).toBe('Gesynchroniseerd om 09:00'));
    expect(screen.getByTestId('status-pending').textContent).toBe('4 wijzigingen niet gesynchroniseerd');
    // Logged in: the sidebar offers the Conflicten screen, without a count while there are none.
    expect(screen.getByTestId('nav-conflicts').textContent).toContain('Conflicten');
    expect(screen.queryByTestId('nav-conflicts-count')).toBeNull();

    await push(syncStatus({ last_success: todayAt(9, 0), state: 'syncing', progress: { phase: 'push', done: 2, total: 4 } }));
    await waitFor(() => expect(slot.textContent?.trim()).toBe('Synchroniseren… 2 van 4'));

    // The sync ends: new counts, conflicts, and the app state is reloaded (the team's changes came in).
    const appStates = calls.filter((c) => c.cmd === 'app_state').length;
    backend.state.conflicts = [conflict(), conflict({ id: conflictId(8), label: 'E-mail' })];
    await push(syncStatus({ last_success: todayAt(14, 32), pending: 0, open_conflicts: 2 }));
    await waitFor(() => expect(slot.textContent?.trim()).toBe('Gesynchroniseerd om 14:32'));
    expect(screen.getByTestId('status-pending').textContent).toBe('0 wijzigingen niet gesynchroniseerd');
    expect(screen.getByTestId('status-conflicts').textContent?.trim()).toBe('2 conflicten');
    expect(screen.getByTestId('nav-conflicts-count').textContent).toBe('2');
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'app_state').length).toBeGreaterThan(appStates));

    await user.click(screen.getByTestId('status-conflicts'));
    expect(router.view).toEqual({ name: 'conflicts' });
    expect(await screen.findAllByTestId('conflict-card')).toHaveLength(2);
    expect(screen.getByTestId('nav-conflicts').getAttribute('aria-current')).toBe('page');

    await user.click(slot);
    expect(router.view).toEqual({ name: 'settings', tab: 'sync' });
    expect(screen.getByTestId('settings-tab-sync').getAttribute('aria-selected')).toBe('true');
    expect((await screen.findByTestId('sync-account')).textContent).toContain('https://traject.bollenstreek.nl');
  });

  it('keeps working without a sync status: not set up, no conflicts entry', async () => {
    installIpc({ app_state: () => appState(), caseload: () => [] });
    render(App);
    expect((await screen.findByTestId('status-sync')).textContent?.trim()).toBe('Synchronisatie niet ingesteld');
    await waitFor(() => expect(sync.error?.message).toBe('geen mock voor sync_status'));
    expect(screen.queryByTestId('nav-conflicts')).toBeNull();
    expect(screen.getByTestId('status-pending').textContent).toBe('3 wijzigingen niet gesynchroniseerd');
  });

  it('a revoked laptop shows only that its data was wiped', async () => {
    const backend = syncBackend(syncStatus());
    installIpc({ ...backend.handlers, app_state: () => appState(), caseload: () => [] });
    render(App);
    await screen.findByTestId('status-sync');
    const message = 'Dit apparaat is ingetrokken door de functioneel beheerder. De gegevens op deze computer zijn gewist.';
    await emit(SYNC_STATUS_EVENT, notConfigured({ state: 'wiped', last_error: message }));
    expect((await screen.findByTestId('device-wiped')).textContent).toContain(message);
    expect(screen.queryByTestId('status-sync')).toBeNull();
    expect(screen.queryByTestId('nav-caseload')).toBeNull();
  });
});
