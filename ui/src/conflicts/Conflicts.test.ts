import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Conflicts from './Conflicts.svelte';
import { app } from '../lib/app.svelte';
import { resetSync } from '../lib/sync.svelte';
import { router } from '../shell/router.svelte';
import { appState, installIpc } from '../test/ipc';
import { conflict, conflictId, localAt, syncBackend, syncStatus } from '../test/sync';

function cards(): HTMLElement[] {
  return screen.queryAllByTestId('conflict-card');
}

describe('Conflicten', () => {
  beforeEach(() => {
    app.state = appState();
    router.view = { name: 'conflicts' };
    resetSync();
  });

  it('shows both values of every open conflict, side by side', async () => {
    const backend = syncBackend(syncStatus(), [
      conflict(),
      conflict({
        id: conflictId(9),
        client_id: null,
        client_name: null,
        entity: 'fine_rules',
        field: 'max_cents',
        label: 'Maximum',
        kept: { value: '€ 250,00', by: 'petra (PC-TEAMLEIDER)', at: localAt(2025, 3, 11, 16, 0) },
        lost: { value: '—', by: 'jan (LAPTOP-JAN)', at: localAt(2025, 3, 11, 16, 30) },
      }),
    ]);
    installIpc({ ...backend.handlers, app_state: () => appState() });
    render(Conflicts);

    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(screen.getByRole('heading', { name: 'Conflicten' })).toBeTruthy();
    expect(screen.getByText(/Twee mensen wijzigden hetzelfde gegeven terwijl ze offline waren/)).toBeTruthy();

    const [first, second] = cards();
    expect(first.dataset.conflictId).toBe('7');
    expect(first.textContent).toContain('Telefoon');
    expect(first.textContent).toContain('Ahmed Haddad');
    expect(first.textContent).toContain('Ontstaan op 13-03-2025 om 08:05');
    expect(within(first).getByTestId('conflict-kept-value').textContent).toBe('0612345678');
    expect(within(first).getByTestId('conflict-lost-value').textContent).toBe('0687654321');
    expect(first.textContent).toContain('Staat nu');
    expect(first.textContent).toContain('Verloren wijziging');
    expect(first.textContent).toContain('door jan (LAPTOP-JAN)');
    expect(first.textContent).toContain('door jan (LAPTOP-JAN) op 12-03-2025 om 09:15');
    expect(first.textContent).toContain('door fatima (LAPTOP-FATIMA)');
    expect(first.textContent).toContain('op 12-03-2025 om 10:40');
    expect(within(first).getByTestId('conflict-keep').textContent?.trim()).toBe('Deze houden');
    expect(within(first).getByTestId('conflict-choose-lost').textContent?.trim()).toBe('Deze kiezen');

    // Not a client's: the team's own data, nothing to open.
    expect(second.dataset.conflictId).toBe('9');
    expect(second.textContent).toContain('Teamgegevens');
    expect(within(second).getByTestId('conflict-field').textContent?.trim()).toBe('Boeteverordening: Maximum');
    expect(within(second).getByTestId('conflict-client').tagName).toBe('SPAN');
    expect(within(second).getByTestId('conflict-lost-value').textContent).toBe('—');
  });

  it('chooses the lost value and shows the conflicts still open', async () => {
    const backend = syncBackend(syncStatus(), [conflict(), conflict({ id: conflictId(8), label: 'E-mail' })]);
    const calls = installIpc({ ...backend.handlers, app_state: () => appState() });
    const user = userEvent.setup();
    render(Conflicts);

    await waitFor(() => expect(cards()).toHaveLength(2));
    await user.click(within(cards()[0]).getByTestId('conflict-choose-lost'));

    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(calls.find((c) => c.cmd === 'resolve_conflict')!.args).toEqual({ id: 7, choice: 'lost' });
    expect(cards()[0].dataset.conflictId).toBe('8');
    expect(screen.getByRole('status').textContent).toContain('Telefoon van Ahmed Haddad is “0687654321”');
    // The choice is a change to send: the app state (and with it the counts) is reloaded.
    await waitFor(() => expect(calls.some((c) => c.cmd === 'app_state')).toBe(true));

    await user.click(within(cards()[0]).getByTestId('conflict-keep'));
    expect(await screen.findByTestId('conflicts-empty')).toBeTruthy();
    expect(calls.filter((c) => c.cmd === 'resolve_conflict').at(-1)!.args).toEqual({ id: 8, choice: 'kept' });
  });

  it('says when there are none', async () => {
    installIpc({ conflicts: () => [] });
    render(Conflicts);
    const empty = await screen.findByTestId('conflicts-empty');
    expect(empty.textContent).toContain('Geen conflicten. Alles is in orde.');
    expect(screen.queryByTestId('conflict-list')).toBeNull();
  });

  it('shows why a choice could not be saved, and keeps the conflict', async () => {
    installIpc({
      conflicts: () => [conflict()],
      resolve_conflict: () => Promise.reject({ code: 'not_found', message: 'Dit conflict bestaat niet (meer).', fields: [] }),
    });
    const user = userEvent.setup();
    render(Conflicts);
    await user.click(await screen.findByTestId('conflict-keep'));
    const error = await screen.findByRole('alert');
    expect(error.textContent).toContain('Dit conflict bestaat niet (meer).');
    expect(cards()).toHaveLength(1);
    expect((screen.getByTestId('conflict-keep') as HTMLButtonElement).disabled).toBe(false);
  });

  it('opens the dossier, with the way back to the conflicts', async () => {
    installIpc({ conflicts: () => [conflict()] });
    const user = userEvent.setup();
    render(Conflicts);
    await user.click(await screen.findByRole('button', { name: 'Ahmed Haddad' }));
    expect(router.view).toEqual({ name: 'dossier', id: 'c-1', from: 'conflicts' });
  });
});
