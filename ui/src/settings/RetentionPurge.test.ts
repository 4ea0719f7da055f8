// Instellingen → Dossiers na de bewaartermijn: the list, and removing after a confirmation.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import RetentionPurge from './RetentionPurge.svelte';
import { app } from '../lib/app.svelte';
import { appState, installIpc } from '../test/ipc';
import { text } from '../test/trajectory';
import type { DueDossier, PurgeOverview } from '../api';

const AMIRA: DueDossier = {
  id: 'c-1',
  name: 'Amira Haddad',
  bsn: '******782',
  municipality: 'Lisse',
  obligation_end: '2019-06-30',
  retention_end: '2024-06-30',
};
const KARIM: DueDossier = {
  id: 'c-2',
  name: 'Karim Bakr',
  bsn: null,
  municipality: 'Hillegom',
  obligation_end: '2020-01-15',
  retention_end: '2025-01-15',
};

/** A row's cells, as read. */
function cells(row: HTMLElement): string {
  return [...row.querySelectorAll('td')].map((td) => text(td)).filter(Boolean).join(' | ');
}

function overview(due: DueDossier[], refusal: string | null = null): PurgeOverview {
  return { retention_years: 5, due, refusal };
}

describe('Dossiers na de bewaartermijn', () => {
  beforeEach(() => {
    app.state = appState();
  });

  it('lists the dossiers due and removes the chosen ones after a confirmation naming how many', async () => {
    const calls = installIpc({
      purge_overview: () => overview([AMIRA, KARIM]),
      purge_dossiers: () => overview([KARIM]),
      app_state: () => appState({ client_count: 61 }),
    });
    const user = userEvent.setup();
    render(RetentionPurge);

    const rows = await screen.findAllByTestId('retention-purge-row');
    expect(rows.map(cells)).toEqual([
      'Amira Haddad | ******782 | Lisse | 30-06-2019 | 30-06-2024',
      'Karim Bakr | — | Hillegom | 15-01-2020 | 15-01-2025',
    ]);
    expect(text(screen.getByTestId('retention-purge'))).toContain('bewaartermijn (5 jaar)');

    await user.click(screen.getByTestId('retention-purge-start'));
    expect(text(screen.getByTestId('retention-purge-confirmation'))).toContain('2 dossiers definitief verwijderen?');
    await user.click(screen.getByTestId('retention-purge-cancel'));
    expect(screen.queryByTestId('retention-purge-confirmation')).toBeNull();

    await user.click(screen.getByLabelText('Karim Bakr kiezen'));
    await user.click(screen.getByTestId('retention-purge-start'));
    expect(text(screen.getByTestId('retention-purge-confirmation'))).toContain('1 dossier definitief verwijderen?');
    expect(calls.some((c) => c.cmd === 'purge_dossiers')).toBe(false);
    await user.click(screen.getByTestId('retention-purge-confirm'));

    await waitFor(() =>
      expect(text(screen.getByTestId('retention-purge-status'))).toBe(
        '1 dossier verwijderd. De server en de andere laptops van het team verwijderen het bij de volgende synchronisatie.',
      ),
    );
    expect(calls.find((c) => c.cmd === 'purge_dossiers')!.args).toEqual({ ids: ['c-1'] });
    expect(screen.getAllByTestId('retention-purge-row').map(cells)).toEqual([
      'Karim Bakr | — | Hillegom | 15-01-2020 | 15-01-2025',
    ]);
    await waitFor(() => expect(app.state?.client_count).toBe(61));
  });

  it('shows why a refused purge was refused, naming the client', async () => {
    installIpc({
      purge_overview: () => overview([AMIRA]),
      purge_dossiers: () =>
        Promise.reject({
          code: 'conflict',
          message:
            'Amira Haddad: de bewaartermijn loopt tot en met 30-06-2026; het dossier kan vanaf 01-07-2026 worden verwijderd',
          fields: [],
        }),
    });
    const user = userEvent.setup();
    render(RetentionPurge);
    await user.click(await screen.findByTestId('retention-purge-start'));
    await user.click(screen.getByTestId('retention-purge-confirm'));
    const error = await screen.findByTestId('retention-purge-error');
    expect(text(error)).toContain('Amira Haddad: de bewaartermijn loopt tot en met 30-06-2026');
    expect(screen.getAllByTestId('retention-purge-row')).toHaveLength(1);
  });

  it('shows a consultant the list without a way to remove', async () => {
    installIpc({
      purge_overview: () =>
        overview([AMIRA], 'Alleen een teamleider verwijdert dossiers na de bewaartermijn; uw rol is inburgeringsconsulent.'),
    });
    render(RetentionPurge);
    await screen.findAllByTestId('retention-purge-row');
    expect(text(screen.getByTestId('retention-purge-refusal'))).toContain('Alleen een teamleider');
    expect(screen.queryByTestId('retention-purge-start')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('says when no dossier is due', async () => {
    installIpc({ purge_overview: () => overview([]) });
    render(RetentionPurge);
    expect(text(await screen.findByTestId('retention-purge-empty'))).toBe(
      'Er zijn geen dossiers waarvan de bewaartermijn voorbij is.',
    );
  });
});
