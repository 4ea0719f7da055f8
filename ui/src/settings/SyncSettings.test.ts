import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Settings from './Settings.svelte';
import { app } from '../lib/app.svelte';
import { resetSync, showSyncStatus } from '../lib/sync.svelte';
import { router } from '../shell/router.svelte';
import { appState, installIpc } from '../test/ipc';
import { moneyTables } from '../test/money';
import { localAt, notConfigured, syncBackend, syncStatus } from '../test/sync';

const GENERAL = {
  'plugin:app|version': () => '0.3.0',
  fine_rules: () => [],
  retention_years: () => 5,
  money_tables: () => moneyTables(),
  report_age_groups: () => ({ bounds: [18, 30, 45, 65] }),
};

function input(testid: string): HTMLInputElement {
  return screen.getByTestId(testid) as HTMLInputElement;
}

describe('Instellingen → Synchronisatie', () => {
  beforeEach(() => {
    app.state = appState();
    router.view = { name: 'settings', tab: 'sync' };
    resetSync();
  });

  it('is a tab of Instellingen next to the general settings', async () => {
    const backend = syncBackend(notConfigured({ pending: 3 }));
    installIpc({ ...GENERAL, ...backend.handlers });
    const user = userEvent.setup();
    render(Settings);

    expect(screen.getByTestId('settings-tab-general').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('settings-money')).toBeTruthy();
    await user.click(screen.getByTestId('settings-tab-sync'));
    expect(screen.getByTestId('settings-tab-sync').getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByTestId('sync-login')).toBeTruthy();
    expect(screen.queryByTestId('settings-money')).toBeNull();
    expect(screen.getByText(/Traject werkt volledig zonder server/)).toBeTruthy();
    expect(screen.getByTestId('sync-pending').textContent).toContain('3 wijzigingen staan klaar om te versturen');
  });

  it('checks the required fields, shows the server’s refusal and logs in', async () => {
    const backend = syncBackend(notConfigured());
    const calls = installIpc({ ...GENERAL, ...backend.handlers });
    const user = userEvent.setup();
    render(Settings, { initialTab: 'sync' });

    await user.click(await screen.findByTestId('sync-login'));
    const errors = screen.getAllByTestId('field-error').map((e) => e.textContent);
    expect(errors).toEqual(['Server is verplicht', 'Gebruikersnaam is verplicht', 'Wachtwoord is verplicht']);
    expect(input('sync-server').getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.cmd === 'sync_log_in')).toBe(false);

    expect(input('sync-server').placeholder).toBe('https://traject.gemeente.nl');
    expect(input('sync-password').type).toBe('password');
    expect(screen.getByText('Leeg: de naam van deze computer')).toBeTruthy();

    await user.type(input('sync-server'), 'http://192.168.1.20:8080');
    await user.type(input('sync-user'), 'fatima');
    await user.type(input('sync-password'), 'fout');
    await user.click(screen.getByTestId('sync-login'));
    const error = await screen.findByTestId('sync-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('alleen https, of http naar deze computer');
    expect(screen.queryAllByTestId('field-error')).toHaveLength(0);

    await user.click(input('sync-allow-http'));
    await user.click(screen.getByTestId('sync-login'));
    await waitFor(() => expect(screen.getByTestId('sync-error').textContent).toContain('gebruikersnaam of wachtwoord klopt niet'));

    await user.clear(input('sync-password'));
    await user.type(input('sync-password'), 'geheim');
    await user.type(input('sync-device'), 'Laptop kamer 2');
    await user.click(screen.getByTestId('sync-login'));

    const account = await screen.findByTestId('sync-account');
    expect(calls.filter((c) => c.cmd === 'sync_log_in').at(-1)!.args).toEqual({
      input: {
        server: 'http://192.168.1.20:8080',
        user: 'fatima',
        password: 'geheim',
        device: 'Laptop kamer 2',
        allow_http: true,
        ca_cert: null,
      },
    });
    expect(account.textContent).toContain('http://192.168.1.20:8080');
    expect(account.textContent).toContain('Laptop kamer 2');
    expect(screen.queryByTestId('sync-error')).toBeNull();
  });

  it('sends no device name when the field is left empty', async () => {
    const backend = syncBackend(notConfigured());
    const calls = installIpc({ ...GENERAL, ...backend.handlers });
    const user = userEvent.setup();
    render(Settings, { initialTab: 'sync' });
    await user.type(await screen.findByTestId('sync-server'), ' https://traject.bollenstreek.nl ');
    await user.type(input('sync-user'), 'fatima');
    await user.type(input('sync-password'), 'geheim');
    await user.type(input('sync-ca-cert'), '  -----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----  ');
    await user.click(screen.getByTestId('sync-login'));
    await screen.findByTestId('sync-account');
    expect(calls.find((c) => c.cmd === 'sync_log_in')!.args.input).toMatchObject({
      server: 'https://traject.bollenstreek.nl',
      device: null,
      allow_http: false,
      ca_cert: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
    });
  });

  it('shows the account, the state, the last sync and its report', async () => {
    const backend = syncBackend(
      syncStatus({
        pending: 12,
        open_conflicts: 1,
        last_success: localAt(2025, 3, 14, 14, 32),
        last_report: {
          pushed: 12,
          rejected: ['clients.phone: geen geldig telefoonnummer'],
          conflicts: 1,
          pulled: 30,
          not_applied: ['notes 5f2c: onbekende cliënt'],
          moved: 0,
          purged: 0,
          reset: false,
        },
      }),
    );
    installIpc({ ...GENERAL, ...backend.handlers });
    render(Settings, { initialTab: 'sync' });

    const account = await screen.findByTestId('sync-account');
    expect(account.textContent).toContain('https://traject.bollenstreek.nl');
    expect(account.textContent).toContain('fatima');
    expect(account.textContent).toContain('Consulent');
    expect(account.textContent).toContain('Team Noord');
    expect(account.textContent).toContain('LAPTOP-FATIMA');
    expect(screen.getByTestId('sync-state').textContent).toContain('alles is gesynchroniseerd');
    expect(screen.getByTestId('sync-last').textContent).toBe('14-03-2025 om 14:32');
    expect(screen.getByTestId('sync-pending').textContent).toBe('12 wijzigingen');

    const report = screen.getByTestId('sync-report');
    expect(report.textContent).toContain('12 wijzigingen verstuurd, 30 ontvangen, 1 conflict');
    const rejected = within(report).getByText(/Geweigerd door de server/).closest('details')!;
    expect(rejected.textContent).toContain('clients.phone: geen geldig telefoonnummer');
    const notApplied = within(report).getByText(/Niet verwerkt/).closest('details')!;
    expect(notApplied.textContent).toContain('notes 5f2c: onbekende cliënt');
    expect(screen.getByText('Traject synchroniseert automatisch elke twee minuten zolang u online bent.')).toBeTruthy();
    expect(screen.queryByTestId('sync-progress')).toBeNull();
  });

  it('says "geen team" and "nog niet" for a fresh account, and the role in Dutch', async () => {
    const backend = syncBackend(
      syncStatus({
        last_success: null,
        account: { server: 'https://s', user: 'petra', device: 'PC-1', role: 'beheerder', team: null },
      }),
    );
    installIpc({ ...GENERAL, ...backend.handlers });
    render(Settings, { initialTab: 'sync' });
    const account = await screen.findByTestId('sync-account');
    expect(account.textContent).toContain('Functioneel beheerder');
    expect(account.textContent).toContain('geen team');
    expect(screen.getByTestId('sync-last').textContent).toBe('nog niet');
    expect(screen.getByTestId('sync-state').textContent).toContain('Nog niet gesynchroniseerd');
    expect(screen.queryByTestId('sync-report')).toBeNull();
  });

  it('shows the progress while syncing and disables "Synchroniseer nu"', async () => {
    const backend = syncBackend(syncStatus({ state: 'syncing', progress: { phase: 'push', done: 1200, total: 3400 } }));
    installIpc({ ...GENERAL, ...backend.handlers });
    render(Settings, { initialTab: 'sync' });

    const progress = await screen.findByTestId('sync-progress');
    expect(progress.textContent).toContain('Versturen: 1.200 van 3.400 wijzigingen');
    const bar = progress.querySelector('progress')!;
    expect(bar.getAttribute('max')).toBe('3400');
    expect(bar.getAttribute('value')).toBe('1200');
    expect((screen.getByTestId('sync-now') as HTMLButtonElement).disabled).toBe(true);

    // Fetching: the total is unknown, the bar indeterminate.
    showSyncStatus(syncStatus({ state: 'syncing', progress: { phase: 'pull', done: 0, total: null } }));
    await waitFor(() => expect(screen.getByTestId('sync-progress').textContent).toContain('Ophalen…'));
    expect(screen.getByTestId('sync-progress').querySelector('progress')!.hasAttribute('value')).toBe(false);

    showSyncStatus(syncStatus());
    await waitFor(() => expect(screen.queryByTestId('sync-progress')).toBeNull());
    expect((screen.getByTestId('sync-now') as HTMLButtonElement).disabled).toBe(false);
  });

  it('syncs now and shows what it did; a failure shows its reason', async () => {
    const backend = syncBackend(syncStatus({ pending: 5 }));
    const calls = installIpc({ ...GENERAL, ...backend.handlers });
    const user = userEvent.setup();
    render(Settings, { initialTab: 'sync' });

    await user.click(await screen.findByTestId('sync-now'));
    await waitFor(() => expect(screen.getByTestId('sync-report').textContent).toContain('5 wijzigingen verstuurd, 30 ontvangen'));
    expect(calls.filter((c) => c.cmd === 'sync_now')).toHaveLength(1);
    expect(screen.getByTestId('sync-pending').textContent).toBe('0 wijzigingen');

    backend.state.failNext = 'de server is niet bereikbaar';
    await user.click(screen.getByTestId('sync-now'));
    await waitFor(() => expect(screen.getByTestId('sync-state').textContent).toContain('Synchronisatie mislukt: de server is niet bereikbaar'));
    // The state says it already; no second message.
    expect(screen.queryByTestId('sync-error')).toBeNull();
  });

  it('shows an error of "Synchroniseer nu" that the state does not explain', async () => {
    const backend = syncBackend(syncStatus());
    installIpc({
      ...GENERAL,
      ...backend.handlers,
      sync_now: () => Promise.reject({ code: 'conflict', message: 'er loopt al een synchronisatie', fields: [] }),
    });
    const user = userEvent.setup();
    render(Settings, { initialTab: 'sync' });
    await user.click(await screen.findByTestId('sync-now'));
    const error = await screen.findByTestId('sync-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('er loopt al een synchronisatie');
  });

  it('asks before logging out, and logging in again needs only the password', async () => {
    const backend = syncBackend(syncStatus({ pending: 3 }));
    const calls = installIpc({ ...GENERAL, ...backend.handlers, app_state: () => appState() });
    const user = userEvent.setup();
    render(Settings, { initialTab: 'sync' });

    await user.click(await screen.findByTestId('sync-logout'));
    const confirmation = screen.getByTestId('sync-logout-confirmation');
    expect(confirmation.textContent).toContain(
      'De 3 wijzigingen die nog niet verstuurd zijn, blijven op deze computer en gaan mee zodra u weer aanmeldt.',
    );
    await user.click(screen.getByTestId('sync-logout-cancel'));
    expect(screen.queryByTestId('sync-logout-confirmation')).toBeNull();
    expect(calls.some((c) => c.cmd === 'sync_log_out')).toBe(false);

    await user.click(screen.getByTestId('sync-logout'));
    await user.click(screen.getByTestId('sync-logout-confirm'));
    expect(await screen.findByTestId('sync-login')).toBeTruthy();
    expect(calls.filter((c) => c.cmd === 'sync_log_out')).toHaveLength(1);
    expect(input('sync-server').value).toBe('https://traject.bollenstreek.nl');
    expect(input('sync-user').value).toBe('fatima');
    expect(input('sync-password').value).toBe('');
  });
});
