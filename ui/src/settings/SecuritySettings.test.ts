import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Settings from './Settings.svelte';
import SecuritySettings from './SecuritySettings.svelte';
import { app } from '../lib/app.svelte';
import { appState, installIpc } from '../test/ipc';

const CURRENT = 'Fietsen langs de Bollenstreek 2026';
const NEW = 'Tulpen in Lisse, elk voorjaar!';

describe('Instellingen → Beveiliging', () => {
  beforeEach(() => {
    app.state = appState();
  });

  it('is a tab of Instellingen', async () => {
    installIpc({ auto_lock_minutes: () => 15, retention_years: () => 5 });
    const user = userEvent.setup();
    render(Settings);
    await user.click(screen.getByTestId('settings-tab-security'));
    expect(await screen.findByTestId('settings-auto-lock')).toBeTruthy();
    expect(screen.getByTestId('settings-passphrase')).toBeTruthy();
  });

  it('sets the idle minutes after which Traject locks itself', async () => {
    const calls = installIpc({ auto_lock_minutes: () => 15, set_auto_lock_minutes: (args) => args.minutes });
    const user = userEvent.setup();
    render(SecuritySettings);
    const select = (await screen.findByTestId('auto-lock-minutes')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('15'));
    expect([...select.options].map((o) => o.textContent)).toEqual([
      '5 minuten zonder gebruik',
      '10 minuten zonder gebruik',
      '15 minuten zonder gebruik',
      '30 minuten zonder gebruik',
      '60 minuten zonder gebruik',
    ]);
    await user.selectOptions(select, '5');
    expect((await screen.findByTestId('auto-lock-status')).textContent).toBe(
      'Opgeslagen: Traject vergrendelt na 5 minuten zonder gebruik.',
    );
    expect(calls.find((c) => c.cmd === 'set_auto_lock_minutes')!.args).toEqual({ minutes: 5 });
  });

  it('changes the passphrase after checking the current one', async () => {
    const calls = installIpc({
      auto_lock_minutes: () => 15,
      passphrase_weakness: () => null,
      change_passphrase: (args) =>
        args.current === CURRENT
          ? null
          : Promise.reject({
              code: 'validation',
              message: 'Huidige wachtwoordzin: dit is niet de huidige wachtwoordzin',
              fields: [{ field: 'current', rule: 'wrong', message: 'dit is niet de huidige wachtwoordzin' }],
            }),
    });
    const user = userEvent.setup();
    render(SecuritySettings);

    await user.type(screen.getByTestId('change-current'), 'Niet mijn zin 2026');
    await user.type(screen.getByTestId('change-passphrase'), NEW);
    await user.type(screen.getByTestId('change-repeat'), NEW);
    await user.click(screen.getByRole('button', { name: 'Wachtwoordzin wijzigen' }));
    expect((await screen.findByTestId('change-current-error')).textContent).toBe(
      'Dit is niet de huidige wachtwoordzin',
    );

    await user.clear(screen.getByTestId('change-current'));
    await user.type(screen.getByTestId('change-current'), CURRENT);
    await user.click(screen.getByRole('button', { name: 'Wachtwoordzin wijzigen' }));
    expect((await screen.findByTestId('passphrase-changed')).textContent).toContain('De wachtwoordzin is gewijzigd.');
    expect(calls.filter((c) => c.cmd === 'change_passphrase').at(-1)!.args).toEqual({
      current: CURRENT,
      new: NEW,
      repeat: NEW,
    });
    expect((screen.getByTestId('change-current') as HTMLInputElement).value).toBe('');
  });
});
