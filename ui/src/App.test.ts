import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import { app } from './lib/app.svelte';
import { router } from './shell/router.svelte';
import { resetCaseloadState } from './caseload/state.svelte';
import { IDENTITY, appState, installIpc } from './test/ipc';
import type { AppState, Identity } from './api';

describe('App', () => {
  beforeEach(() => {
    app.state = null;
    app.error = null;
    app.loading = true;
    router.view = { name: 'caseload' };
    resetCaseloadState();
  });

  it('shows the first-run setup when there is no identity, then offers the demo caseload', async () => {
    let state: AppState = appState({ identity: null, client_count: 0 });
    const calls = installIpc({
      app_state: () => state,
      save_identity: (args) => {
        state = { ...state, identity: args.identity as Identity };
        return args.identity;
      },
      load_demo: () => {
        state = { ...state, client_count: 60 };
        return 60;
      },
      caseload: () => [],
    });
    const user = userEvent.setup();
    render(App);

    expect(await screen.findByText('Welkom bij Traject')).toBeTruthy();
    expect((screen.getByLabelText(/^Organisatie/) as HTMLInputElement).value).toBe('ISD Bollenstreek');
    expect(screen.getByTestId('identity-municipalities').textContent).toContain('Teylingen');

    // Name is required.
    await user.click(screen.getByRole('button', { name: 'Opslaan en beginnen' }));
    expect(await screen.findByText('Naam is verplicht')).toBeTruthy();
    expect(calls.some((c) => c.cmd === 'save_identity')).toBe(false);

    // Remove one municipality, add another.
    await user.click(screen.getByRole('button', { name: 'Hillegom verwijderen' }));
    await user.type(screen.getByPlaceholderText('Gemeente toevoegen'), 'Katwijk{Enter}');
    await user.type(screen.getByLabelText(/^Naam/), 'Fatima de Vries');
    await user.click(screen.getByRole('button', { name: 'Opslaan en beginnen' }));

    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_identity')).toBe(true));
    expect(calls.find((c) => c.cmd === 'save_identity')!.args.identity).toEqual({
      name: 'Fatima de Vries',
      role: 'consultant',
      organisation: 'ISD Bollenstreek',
      municipalities: ['Lisse', 'Noordwijk', 'Teylingen', 'Katwijk'],
    });

    await user.click(await screen.findByTestId('load-demo'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'load_demo')).toBe(true));
    // Shell with status bar appears.
    expect(await screen.findByTestId('status-bar')).toBeTruthy();
    expect(screen.getByTestId('status-clients').textContent).toBe('60 cliënten');
  });

  it('shows the caseload right after the first-run setup, even though the app opens on the Werkvoorraad', async () => {
    router.view = { name: 'werkvoorraad' };
    let state: AppState = appState({ identity: null, client_count: 0 });
    installIpc({
      app_state: () => state,
      save_identity: (args) => {
        state = { ...state, identity: args.identity as Identity };
        return args.identity;
      },
      caseload: () => [],
      werkvoorraad: () => ({ items: [], counts: { error: 0, overdue: 0, warning: 0, info: 0, acknowledged: 0 }, consultants: [] }),
      next_deadlines: () => [],
    });
    const user = userEvent.setup();
    render(App);
    await user.type(await screen.findByLabelText(/^Naam/), 'Fatima de Vries');
    await user.click(screen.getByRole('button', { name: 'Opslaan en beginnen' }));
    await user.click(await screen.findByTestId('start-empty'));
    expect(await screen.findByTestId('caseload-empty')).toBeTruthy();
    expect(screen.getByTestId('nav-caseload').getAttribute('aria-current')).toBe('page');
    expect((await screen.findByTestId('nav-werkvoorraad-count')).textContent).toBe('0');
  });

  it('shows inline errors from the backend on the setup form', async () => {
    installIpc({
      app_state: () => appState({ identity: null }),
      save_identity: () =>
        Promise.reject({
          code: 'validation',
          message: 'Ongeldig',
          fields: [{ field: 'organisation', rule: 'too_long', message: 'is te lang' }],
        }),
    });
    const user = userEvent.setup();
    render(App);
    await user.type(await screen.findByLabelText(/^Naam/), 'Fatima');
    await user.click(screen.getByRole('button', { name: 'Opslaan en beginnen' }));
    expect(await screen.findByText('Organisatie is te lang')).toBeTruthy();
    expect(screen.getByText('Controleer de gemarkeerde velden')).toBeTruthy();
  });

  it('shows the shell with navigation and status bar for a known identity', async () => {
    installIpc({ app_state: () => appState(), caseload: () => [] });
    const user = userEvent.setup();
    render(App);

    expect(await screen.findByTestId('nav-new-client')).toBeTruthy();
    expect(screen.getByTestId('status-db-path').textContent).toContain('/home/test/.local/share/traject/traject.db');
    expect(screen.getByTestId('status-clients').textContent).toBe('62 cliënten');
    expect(screen.getByTestId('status-pending').textContent).toBe('3 wijzigingen niet gesynchroniseerd');
    expect(screen.getByTestId('status-sync').textContent).toContain('Synchronisatie niet ingesteld');
    expect(screen.getByTestId('nav-count').textContent).toBe('62');

    await user.click(screen.getByTestId('nav-new-client'));
    expect(await screen.findByRole('heading', { name: 'Nieuwe cliënt' })).toBeTruthy();
    expect((document.getElementById('consultant') as HTMLInputElement).value).toBe(IDENTITY.name);

    await user.click(screen.getByTestId('nav-hours-entry'));
    expect(await screen.findByRole('heading', { name: 'Uren invoeren' })).toBeTruthy();
    expect(screen.getByTestId('nav-hours-entry').getAttribute('aria-current')).toBe('page');
  });

  it('shows a Dutch error when the app state cannot be loaded', async () => {
    installIpc({
      app_state: () => Promise.reject({ code: 'too_new', message: 'Schemaversie 9 > 2', fields: [] }),
    });
    render(App);
    expect(await screen.findByText('Deze database is gemaakt met een nieuwere versie van Traject.')).toBeTruthy();
  });
});
