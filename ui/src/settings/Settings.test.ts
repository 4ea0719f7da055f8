import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Settings from './Settings.svelte';
import { app } from '../lib/app.svelte';
import { IDENTITY, appState, installIpc } from '../test/ipc';
import { moneyTables } from '../test/money';
import type { Identity } from '../api';

describe('Settings', () => {
  beforeEach(() => {
    app.state = appState();
  });

  it('shows the database path and version and saves the identity', async () => {
    let identity: Identity = IDENTITY;
    const calls = installIpc({
      'plugin:app|version': () => '0.3.0',
      save_identity: (args) => {
        identity = args.identity as Identity;
        return identity;
      },
      app_state: () => appState({ identity }),
      fine_rules: () => [],
      retention_years: () => 5,
      purge_overview: () => ({ retention_years: 5, due: [], refusal: null }),
      money_tables: () => moneyTables(),
      report_age_groups: () => ({ bounds: [18, 30, 45, 65] }),
    });
    const user = userEvent.setup();
    render(Settings);

    expect(screen.getByTestId('settings-db-path').textContent).toBe('/home/test/.local/share/traject/traject.db');
    await waitFor(() => expect(screen.getByTestId('app-version').textContent).toBe('0.3.0'));

    const name = screen.getByLabelText(/^Naam/) as HTMLInputElement;
    expect(name.value).toBe('Fatima de Vries');
    await user.clear(name);
    await user.type(name, 'Fatima el Amrani');
    await user.selectOptions(screen.getByLabelText('Rol'), 'teamleider');
    await user.click(screen.getByTestId('identity-save'));

    await waitFor(() => expect(app.state?.identity?.name).toBe('Fatima el Amrani'));
    expect(calls.find((c) => c.cmd === 'save_identity')!.args.identity).toMatchObject({
      name: 'Fatima el Amrani',
      role: 'teamleider',
    });
    expect(screen.getByRole('status').textContent).toBe('Opgeslagen');
  });

  it('has a Geld section with the money tables', async () => {
    installIpc({
      'plugin:app|version': () => '0.3.0',
      fine_rules: () => [],
      retention_years: () => 5,
      purge_overview: () => ({ retention_years: 5, due: [], refusal: null }),
      money_tables: () => moneyTables(),
      report_age_groups: () => ({ bounds: [18, 30, 45, 65] }),
    });
    render(Settings);

    const section = screen.getByTestId('settings-money');
    expect(section.querySelector('h2')?.textContent).toBe('Geld');
    await waitFor(() => expect(section.querySelector('[data-testid="spuk-table"]')).not.toBeNull());
  });
});
