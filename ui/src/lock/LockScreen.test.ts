import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { emit } from '@tauri-apps/api/event';
import App from '../App.svelte';
import { app } from '../lib/app.svelte';
import { resetSync } from '../lib/sync.svelte';
import { resetCaseloadState } from '../caseload/state.svelte';
import { router } from '../shell/router.svelte';
import { appState, installIpc, lockState } from '../test/ipc';
import type { ApiError, LockState } from '../api';
import { LOCKED_EVENT, lock } from './lock.svelte';

const GOOD = 'Fietsen langs de Bollenstreek 2026';

/** The backend's rule, enough of it for these tests. */
function weakness(args: Record<string, unknown>): string | null {
  const typed = String(args.passphrase);
  return typed.length < 12 ? `het wachtwoord moet minstens 12 tekens hebben (nu ${typed.length})` : null;
}

function weak(field = 'passphrase'): ApiError {
  return {
    code: 'validation',
    message: 'de wachtwoordzin is te zwak',
    fields: [{ field, rule: 'weak', message: 'het wachtwoord moet minstens 12 tekens hebben (nu 4)' }],
  };
}

/** The backend's wait after wrong passphrases in a row (seconds). */
function delay(failures: number): number {
  return failures < 3 ? 0 : Math.min(2 ** Math.min(failures - 3, 5), 30);
}

/** The element's text with its white space as the window shows it. */
const text = (testid: string) => screen.getByTestId(testid).textContent?.replace(/\s+/g, ' ').trim();

const hidden = (testid: string) => screen.getByTestId(testid).closest('[hidden]') !== null;

describe('the lock screen', () => {
  beforeEach(() => {
    app.state = null;
    app.error = null;
    app.loading = true;
    lock.state = null;
    lock.loading = true;
    router.view = { name: 'caseload' };
    resetSync();
    resetCaseloadState();
  });

  it('first start: a passphrase is chosen with live feedback, a weak one refused in Dutch, then the setup', async () => {
    let state: LockState = lockState({ screen: 'create', auto_lock_minutes: null });
    const calls = installIpc({
      lock_state: () => state,
      passphrase_weakness: weakness,
      create_database: (args) => {
        if (String(args.passphrase).length < 12) return Promise.reject(weak());
        state = lockState();
        return state;
      },
      app_state: () => appState({ identity: null, client_count: 0 }),
    });
    const user = userEvent.setup();
    render(App);

    expect((await screen.findByTestId('lock-title')).textContent).toBe('Kies een wachtwoordzin');
    expect(screen.getByTestId('lock-db-path').textContent).toContain('traject.db');
    expect(screen.getByTestId('lock-no-recovery').textContent).toContain('niet te herstellen');
    expect(calls.some((c) => c.cmd === 'app_state')).toBe(false);

    await user.type(screen.getByTestId('lock-passphrase'), 'kort');
    await waitFor(() =>
      expect(screen.getByTestId('lock-passphrase-feedback').textContent?.trim()).toBe(
        'Het wachtwoord moet minstens 12 tekens hebben (nu 4).',
      ),
    );
    await user.type(screen.getByTestId('lock-repeat'), 'kor');
    expect(screen.getByTestId('lock-repeat-feedback').textContent?.trim()).toBe('Nog niet gelijk aan de wachtwoordzin.');
    await user.click(screen.getByTestId('lock-submit'));
    expect((await screen.findByTestId('lock-passphrase-error')).textContent).toBe(
      'Het wachtwoord moet minstens 12 tekens hebben (nu 4)',
    );

    await user.clear(screen.getByTestId('lock-passphrase'));
    await user.type(screen.getByTestId('lock-passphrase'), GOOD);
    await user.clear(screen.getByTestId('lock-repeat'));
    await user.type(screen.getByTestId('lock-repeat'), GOOD);
    await waitFor(() => expect(screen.getByTestId('lock-passphrase-feedback').textContent).toContain('Sterk genoeg'));
    expect(screen.getByTestId('lock-repeat-feedback').textContent).toContain('Gelijk aan de wachtwoordzin');
    await user.click(screen.getByTestId('lock-submit'));

    expect(await screen.findByText('Welkom bij Traject')).toBeTruthy();
    expect(screen.queryByTestId('lock-screen')).toBeNull();
    expect(calls.filter((c) => c.cmd === 'create_database').at(-1)!.args).toEqual({ passphrase: GOOD, repeat: GOOD });
  });

  it('unlock: a wrong passphrase says so and how long Traject waits; the right one opens the app', async () => {
    let failures = 0;
    let open = false;
    const state = () =>
      lockState({ screen: open ? 'open' : 'unlock', failures, delay_seconds: delay(failures + 1) });
    installIpc({
      lock_state: state,
      unlock: (args) => {
        if (args.passphrase !== GOOD) {
          failures += 1;
          return Promise.reject({ code: 'wrong_passphrase', message: 'onjuiste wachtwoordzin', fields: [] });
        }
        open = true;
        failures = 0;
        return state();
      },
      app_state: () => appState(),
      caseload: () => [],
    });
    const user = userEvent.setup();
    render(App);

    expect((await screen.findByTestId('lock-title')).textContent).toBe('Ontgrendel Traject');
    await user.type(screen.getByTestId('lock-passphrase'), 'Verkeerd 1{Enter}');
    await waitFor(() => expect(text('lock-error')).toBe('Onjuiste wachtwoordzin.'));
    expect((screen.getByTestId('lock-passphrase') as HTMLInputElement).value).toBe('');
    // From the second wrong one in a row on, the next wrong one is answered later, and it says so.
    await user.type(screen.getByTestId('lock-passphrase'), 'Verkeerd 2{Enter}');
    await waitFor(() =>
      expect(text('lock-error')).toBe(
        'Onjuiste wachtwoordzin. Na 2 onjuiste pogingen achter elkaar wacht Traject bij een volgende onjuiste ' +
          'wachtwoordzin 1 seconde voordat het antwoordt.',
      ),
    );
    await user.type(screen.getByTestId('lock-passphrase'), 'Verkeerd 3{Enter}');
    await waitFor(() => expect(text('lock-error')).toContain('Na 3 onjuiste pogingen'));
    expect(text('lock-error')).toContain('2 seconden voordat het antwoordt.');

    await user.type(screen.getByTestId('lock-passphrase'), `${GOOD}{Enter}`);
    expect(await screen.findByTestId('status-bar')).toBeTruthy();
    expect(screen.queryByTestId('lock-screen')).toBeNull();
  });

  it('shows the wait while a wrong passphrase would be answered late', async () => {
    let answer: (value: unknown) => void = () => {};
    installIpc({
      lock_state: () => lockState({ screen: 'unlock', failures: 4, delay_seconds: 4 }),
      unlock: () => new Promise((resolve) => (answer = resolve)),
    });
    const user = userEvent.setup();
    render(App);
    await user.type(await screen.findByTestId('lock-passphrase'), 'Iets{Enter}');
    await screen.findByTestId('lock-waiting');
    expect(text('lock-waiting')).toBe('Is de wachtwoordzin onjuist, dan antwoordt Traject pas na 4 seconden.');
    expect(screen.getByTestId('lock-submit').textContent?.trim()).toBe('Bezig met controleren…');
    answer(lockState({ screen: 'unlock' }));
  });

  it('locks with the button or by itself; unlocking continues on the same screen', async () => {
    router.view = { name: 'settings', tab: 'security' };
    let open = true;
    const calls = installIpc({
      lock_state: () => lockState({ screen: open ? 'open' : 'unlock' }),
      lock: () => {
        open = false;
        return lockState({ screen: 'unlock', auto_lock_minutes: null });
      },
      unlock: () => {
        open = true;
        return lockState();
      },
      app_state: () => appState(),
      auto_lock_minutes: () => 15,
    });
    const user = userEvent.setup();
    render(App);
    expect(await screen.findByTestId('settings-auto-lock')).toBeTruthy();

    await user.click(screen.getByTestId('status-lock'));
    expect(await screen.findByTestId('lock-screen')).toBeTruthy();
    // The app is still there, hidden and out of reach, until unlocked.
    expect(hidden('settings-auto-lock')).toBe(true);
    expect(calls.some((c) => c.cmd === 'lock')).toBe(true);

    const before = calls.filter((c) => c.cmd === 'app_state').length;
    await user.type(screen.getByTestId('lock-passphrase'), `${GOOD}{Enter}`);
    await waitFor(() => expect(screen.queryByTestId('lock-screen')).toBeNull());
    expect(hidden('settings-auto-lock')).toBe(false);
    expect(router.view).toEqual({ name: 'settings', tab: 'security' });
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'app_state').length).toBe(before + 1));

    // The auto-lock: the backend locked and says so.
    open = false;
    await emit(LOCKED_EVENT, lockState({ screen: 'unlock', auto_lock_minutes: null }));
    expect(await screen.findByTestId('lock-screen')).toBeTruthy();
    expect(hidden('settings-auto-lock')).toBe(true);
  });

  it('encrypts the database of an earlier version', async () => {
    let state: LockState = lockState({ screen: 'migrate', profile: 'standaard', single_database: false });
    const calls = installIpc({
      lock_state: () => state,
      passphrase_weakness: weakness,
      encrypt_database: () => {
        state = lockState({ profile: 'standaard', single_database: false });
        return state;
      },
      app_state: () => appState(),
      caseload: () => [],
    });
    const user = userEvent.setup();
    render(App);
    expect((await screen.findByTestId('lock-title')).textContent).toBe('Versleutel uw gegevens');
    expect(screen.getByTestId('lock-profile').textContent).toBe('standaard');
    await user.type(screen.getByTestId('lock-passphrase'), GOOD);
    await user.type(screen.getByTestId('lock-repeat'), GOOD);
    await user.click(screen.getByTestId('lock-submit'));
    expect(await screen.findByTestId('status-bar')).toBeTruthy();
    expect(calls.some((c) => c.cmd === 'encrypt_database')).toBe(true);
  });

  it('chooses another profile, or starts a new one', async () => {
    const profiles = [
      { name: 'Bram', database: 'plain' as const },
      { name: 'standaard', database: 'encrypted' as const },
    ];
    const locked = (overrides: Partial<LockState>) =>
      lockState({ screen: 'unlock', profile: 'standaard', single_database: false, profiles, ...overrides });
    const calls = installIpc({
      lock_state: () => locked({}),
      choose_profile: (args) => locked({ screen: 'migrate', profile: String(args.name) }),
      new_profile: (args) =>
        String(args.name).trim() === ''
          ? Promise.reject({
              code: 'validation',
              message: 'Profiel: geef het profiel een naam met letters of cijfers',
              fields: [{ field: 'profile', rule: 'required', message: 'geef het profiel een naam met letters of cijfers' }],
            })
          : locked({ screen: 'create', profile: String(args.name) }),
      passphrase_weakness: weakness,
    });
    const user = userEvent.setup();
    render(App);

    await user.click(await screen.findByTestId('lock-choose-profile'));
    const options = screen.getAllByTestId('profile-option');
    expect(options.map((o) => o.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'B Bram nog niet versleuteld',
      'S standaard',
    ]);
    expect(options[1].getAttribute('aria-current')).toBe('true');
    await user.click(options[0]);
    expect((await screen.findByTestId('lock-title')).textContent).toBe('Versleutel uw gegevens');
    expect(screen.getByTestId('lock-profile').textContent).toBe('Bram');
    expect(calls.find((c) => c.cmd === 'choose_profile')!.args).toEqual({ name: 'Bram' });

    await user.click(screen.getByTestId('lock-choose-profile'));
    await user.click(screen.getByTestId('new-profile-create'));
    expect((await screen.findByTestId('field-error-new-profile-name')).textContent).toBe(
      'Geef het profiel een naam met letters of cijfers',
    );
    await user.type(screen.getByTestId('new-profile-name'), 'Anna de Vries{Enter}');
    expect((await screen.findByTestId('lock-title')).textContent).toBe('Kies een wachtwoordzin');
    expect(screen.getByTestId('lock-profile').textContent).toBe('Anna de Vries');
  });
});
