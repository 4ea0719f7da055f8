import { beforeEach, describe, expect, it } from 'vitest';
import { emit } from '@tauri-apps/api/event';
import { waitFor } from '@testing-library/svelte';
import { SYNC_STATUS_EVENT, refreshSync, resetSync, showSyncStatus, startSync, sync, syncChanged } from './sync.svelte';
import { installIpc } from '../test/ipc';
import { syncStatus, todayAt } from '../test/sync';
import type { SyncStatus } from '../api';

describe('the sync store', () => {
  beforeEach(() => {
    resetSync();
  });

  it('loads the status once at start and then follows the events until stopped', async () => {
    const calls = installIpc({ sync_status: () => syncStatus({ pending: 2 }) });
    const stop = startSync();
    await waitFor(() => expect(sync.status?.pending).toBe(2));
    expect(calls.filter((c) => c.cmd === 'sync_status')).toHaveLength(1);

    await emit(SYNC_STATUS_EVENT, syncStatus({ state: 'syncing', progress: { phase: 'pull', done: 10, total: null } }));
    expect(sync.status?.state).toBe('syncing');
    expect(sync.status?.progress?.done).toBe(10);

    // While running, a save elsewhere (refreshApp) reloads it.
    syncChanged();
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'sync_status')).toHaveLength(2));

    stop();
    expect(sync.status).toBeNull();
    await emit(SYNC_STATUS_EVENT, syncStatus());
    expect(sync.status).toBeNull();
    syncChanged();
    expect(calls.filter((c) => c.cmd === 'sync_status')).toHaveLength(2);
  });

  it('drops an answer that is older than an event', async () => {
    let answer: (s: SyncStatus) => void = () => {};
    installIpc({ sync_status: () => new Promise<SyncStatus>((resolve) => (answer = resolve)) });
    const loading = refreshSync();
    showSyncStatus(syncStatus({ state: 'syncing' }));
    answer(syncStatus({ state: 'idle' }));
    await loading;
    expect(sync.status?.state).toBe('syncing');
  });

  it('tells the shell when a sync finished', async () => {
    installIpc({ sync_status: () => syncStatus({ last_success: todayAt(9, 0) }) });
    let synced = 0;
    const stop = startSync(() => (synced += 1));
    await waitFor(() => expect(sync.status).not.toBeNull());
    expect(synced).toBe(0);
    await emit(SYNC_STATUS_EVENT, syncStatus({ last_success: todayAt(9, 0), state: 'syncing' }));
    expect(synced).toBe(0);
    await emit(SYNC_STATUS_EVENT, syncStatus({ last_success: todayAt(9, 2) }));
    expect(synced).toBe(1);
    stop();
  });
});
