import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import About from './About.svelte';
import Shell from '../shell/Shell.svelte';
import { app } from '../lib/app.svelte';
import { router } from '../shell/router.svelte';
import { resetSignals } from '../lib/signals.svelte';
import { appState, installIpc } from '../test/ipc';
import { signalsBackend } from '../test/signals';
import type { About as AboutInfo, Licence, UpdateInfo } from '../api';

const SIGNATURE = 'de handtekening van de update klopt niet: de update wordt niet geïnstalleerd';

function lic(name: string, license: string, overrides: Partial<Licence> = {}): Licence {
  return { name, version: '1.0.0', license, repository: null, source: 'rust', ...overrides };
}

function about(overrides: Partial<AboutInfo> = {}): AboutInfo {
  return {
    version: '0.3.0',
    schema_version: 12,
    db_path: '/home/test/.local/share/traject/traject.db',
    update_endpoints: ['https://updates.example.nl/traject/{{target}}/{{current_version}}'],
    sync_server: null,
    licences: [
      lic('serde', 'MIT OR Apache-2.0', { repository: 'https://github.com/serde-rs/serde' }),
      lic('serde_json', 'MIT OR Apache-2.0'),
      lic('tokio', 'MIT'),
      lic('svelte', 'MIT', { version: '5.57.3', source: 'npm' }),
      lic('rusqlite', 'MIT'),
      lic('weird-crate', 'onbekend'),
    ],
    ...overrides,
  };
}

const UPDATE: UpdateInfo = { version: '0.4.0', current_version: '0.3.0', notes: 'Nieuw: het scherm Over Traject.' };

const conflict = (message: string) => () => {
  throw { code: 'conflict', message, fields: [] };
};

describe('Over Traject', () => {
  beforeEach(() => {
    app.state = appState();
  });

  it('shows the version, schema, database, servers and licence', async () => {
    installIpc({ about: () => about() });
    render(About);

    expect((await screen.findByTestId('about-version')).textContent).toBe('Traject 0.3.0');
    expect(screen.getByTestId('about-schema').textContent).toBe('Databaseschema 12');
    expect(screen.getByTestId('about-db-path').textContent).toBe('/home/test/.local/share/traject/traject.db');
    expect(screen.getByTestId('about-sync-server').textContent?.trim()).toBe('Nog niet ingesteld');
    expect(screen.getByTestId('about-update-endpoints').textContent).toContain('https://updates.example.nl/traject/');
    expect(screen.getByText(/Updates zijn ondertekend; Traject installeert alleen een update/)).toBeTruthy();
    expect(screen.getByText('Traject gebruikt 6 open-sourceonderdelen.')).toBeTruthy();
    expect(screen.getByText('Traject valt onder de EUPL-1.2.')).toBeTruthy();
  });

  it('says when no update server or sync server is set', async () => {
    installIpc({ about: () => about({ update_endpoints: [], sync_server: 'https://sync.example.nl', licences: [] }) });
    render(About);

    expect((await screen.findByTestId('about-update-endpoints')).textContent?.trim()).toBe('Geen updateserver ingesteld');
    expect(screen.getByTestId('about-sync-server').textContent?.trim()).toBe('https://sync.example.nl');
    expect(screen.getByText('Traject gebruikt 0 open-sourceonderdelen.')).toBeTruthy();
  });

  it('checks for updates: Traject is up to date', async () => {
    installIpc({ about: () => about(), check_update: () => null });
    const user = userEvent.setup();
    render(About);

    await user.click(await screen.findByTestId('update-check'));
    expect((await screen.findByTestId('update-current')).textContent).toBe('Traject is bijgewerkt (0.3.0)');
    expect(screen.queryByTestId('update-available')).toBeNull();
    expect(screen.queryByTestId('update-error')).toBeNull();
  });

  it('finds, downloads and verifies an update, then offers to install it', async () => {
    const calls = installIpc({
      about: () => about(),
      check_update: () => UPDATE,
      download_update: () => UPDATE,
      install_update: () => null,
    });
    const user = userEvent.setup();
    render(About);

    await user.click(await screen.findByTestId('update-check'));
    const available = await screen.findByTestId('update-available');
    expect(available.textContent).toContain('Versie 0.4.0 is beschikbaar');
    expect(available.textContent).toContain('Nieuw: het scherm Over Traject.');
    expect(screen.queryByTestId('update-install')).toBeNull();

    await user.click(screen.getByTestId('update-download'));
    expect((await screen.findByTestId('update-downloaded')).textContent?.trim()).toBe(
      'Versie 0.4.0 is gedownload en de handtekening klopt.',
    );
    const install = screen.getByTestId('update-install');
    expect(install.textContent?.trim()).toBe('Installeren en opnieuw starten');
    expect(screen.queryByTestId('update-download')).toBeNull();

    await user.click(install);
    await waitFor(() => expect(calls.some((c) => c.cmd === 'install_update')).toBe(true));
    expect(await screen.findByText('Traject wordt opnieuw gestart…')).toBeTruthy();
  });

  it('shows a bad signature as an alert and offers no install', async () => {
    installIpc({ about: () => about(), check_update: () => UPDATE, download_update: conflict(SIGNATURE) });
    const user = userEvent.setup();
    render(About);

    await user.click(await screen.findByTestId('update-check'));
    await user.click(await screen.findByTestId('update-download'));
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.testid).toBe('update-error');
    expect(alert.textContent).toContain(SIGNATURE);
    expect(screen.queryByTestId('update-install')).toBeNull();
    expect((screen.getByTestId('update-download') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows an unreachable update server as an alert', async () => {
    installIpc({ about: () => about(), check_update: conflict('de updateserver is niet bereikbaar: time-out') });
    const user = userEvent.setup();
    render(About);

    await user.click(await screen.findByTestId('update-check'));
    expect((await screen.findByTestId('update-error')).textContent).toContain(
      'de updateserver is niet bereikbaar: time-out',
    );
    expect(screen.queryByTestId('update-current')).toBeNull();
  });

  it('disables the check button while checking', async () => {
    let answer: (value: UpdateInfo | null) => void = () => {};
    installIpc({ about: () => about(), check_update: () => new Promise((resolve) => (answer = resolve)) });
    const user = userEvent.setup();
    render(About);

    const check = (await screen.findByTestId('update-check')) as HTMLButtonElement;
    await user.click(check);
    await waitFor(() => expect(check.disabled).toBe(true));
    expect(check.textContent?.trim()).toBe('Zoeken…');
    answer(null);
    await screen.findByTestId('update-current');
    expect(check.disabled).toBe(false);
  });

  it('groups the licences with counts and filters them by name', async () => {
    installIpc({ about: () => about() });
    const user = userEvent.setup();
    render(About);

    await screen.findByTestId('about-version');
    const groups = () =>
      screen.getAllByTestId('licence-group').map((g) => [
        g.dataset.licence,
        within(g).getByTestId('licence-group-count').textContent,
        within(g).getAllByTestId('licence-item').map((i) => i.querySelector('.name')!.textContent),
      ]);
    expect(groups()).toEqual([
      ['MIT', '3', ['rusqlite 1.0.0', 'svelte 5.57.3', 'tokio 1.0.0']],
      ['MIT OR Apache-2.0', '2', ['serde 1.0.0', 'serde_json 1.0.0']],
      ['onbekend', '1', ['weird-crate 1.0.0']],
    ]);
    const repositories = screen.getAllByTestId('licence-repository').map((r) => r.textContent);
    expect(repositories).toEqual(['https://github.com/serde-rs/serde']);

    await user.type(screen.getByTestId('licence-filter'), 'SERDE');
    expect(groups()).toEqual([['MIT OR Apache-2.0', '2', ['serde 1.0.0', 'serde_json 1.0.0']]]);

    await user.clear(screen.getByTestId('licence-filter'));
    await user.type(screen.getByTestId('licence-filter'), 'zzz');
    expect(screen.queryAllByTestId('licence-item')).toHaveLength(0);
    expect(screen.getByTestId('licence-empty').textContent).toContain('zzz');
  });

  it('opens from the navigation', async () => {
    resetSignals();
    router.view = { name: 'caseload' };
    installIpc({ ...signalsBackend([]).handlers, caseload: () => [], about: () => about() });
    const user = userEvent.setup();
    render(Shell);

    await user.click(screen.getByTestId('nav-about'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Over Traject' })).toBeTruthy();
    expect(screen.getByTestId('nav-about').getAttribute('aria-current')).toBe('page');
    expect(await screen.findByTestId('about-version')).toBeTruthy();
    router.view = { name: 'werkvoorraad' };
  });
});
