import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import FastEntry from './FastEntry.svelte';
import { app } from '../lib/app.svelte';
import { appState, installIpc } from '../test/ipc';
import type { CaseloadQuery, ClientSummary, HoursRow } from '../api';

function summary(id: string, given: string, family: string, municipality: string): ClientSummary {
  return {
    id,
    given_name: given,
    family_name: family,
    birth_date: null,
    municipality,
    client_type: 'statushouder',
    status: 'in_traject',
    consultant: 'Fatima de Vries',
    brp_registration_date: null,
    termijn_end: null,
  };
}

const CLIENTS = [
  summary('c-1', 'Ahmed', 'Haddad', 'Lisse'),
  summary('c-2', 'Amira', 'Haddad', 'Hillegom'),
  summary('c-3', 'Tesfay', 'Gebre', 'Noordwijk'),
];

function caseload(args: Record<string, unknown>): ClientSummary[] {
  const text = ((args.query as CaseloadQuery).text ?? '').toLowerCase();
  return CLIENTS.filter((c) => `${c.given_name} ${c.family_name}`.toLowerCase().includes(text));
}

type User = ReturnType<typeof userEvent.setup>;

/** Picks a client in row `index` by typing and choosing with the keyboard. */
async function pickClient(user: User, index: number, text: string, downs = 0): Promise<void> {
  const row = screen.getAllByTestId('fast-row')[index];
  await user.click(within(row).getByTestId('fast-client'));
  await user.keyboard(text);
  await within(row).findAllByTestId('fast-client-option');
  for (let i = 0; i < downs; i++) await user.keyboard('{ArrowDown}');
  await user.keyboard('{Enter}');
}

function cell(index: number, day: number): HTMLInputElement {
  return within(screen.getAllByTestId('fast-row')[index]).getByTestId(`fast-cell-${day}`) as HTMLInputElement;
}

describe('Uren invoeren', () => {
  beforeEach(() => {
    app.state = appState(); // today is Friday 2025-03-14
  });

  it('starts in this week with the days after today closed', async () => {
    installIpc({ caseload });
    const user = userEvent.setup();
    render(FastEntry);
    const week = screen.getByTestId('fast-entry-week') as HTMLInputElement;
    expect(week.value).toBe('2025-03-10');
    expect(screen.getByTestId('fast-week-label').textContent).toBe('Week 11 · 10-03-2025 t/m 16-03-2025');
    expect(cell(0, 4).disabled).toBe(false);
    expect(cell(0, 5).disabled).toBe(true);
    expect(cell(0, 6).disabled).toBe(true);
    expect((screen.getByTestId('fast-next-week') as HTMLButtonElement).disabled).toBe(true);

    await user.click(screen.getByTestId('fast-prev-week'));
    expect(week.value).toBe('2025-03-03');
    expect(cell(0, 6).disabled).toBe(false);

    // A date in the middle of a week becomes that week's Monday.
    week.value = '2025-02-19';
    week.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(week.value).toBe('2025-02-17'));
  });

  it('saves one row per filled cell with the dates of the week and clears the grid', async () => {
    const calls = installIpc({
      caseload,
      app_state: () => appState(),
      add_hours_batch: (args) => (args.rows as HoursRow[]).map((r, i) => ({ id: `e${i}`, ...r })),
    });
    const user = userEvent.setup();
    render(FastEntry);
    await user.click(screen.getByTestId('fast-prev-week')); // week of 3 March: all days open

    await pickClient(user, 0, 'haddad', 1); // second match: Amira
    expect(within(screen.getAllByTestId('fast-row')[0]).getByTestId('fast-client-municipality').textContent).toBe('Hillegom');
    await user.type(screen.getAllByTestId('fast-provider')[0], 'Taalhuis');
    await user.type(cell(0, 0), '1,5');
    await user.type(cell(0, 2), '2');
    await user.type(cell(0, 6), '0:45');
    expect(within(screen.getAllByTestId('fast-row')[0]).getByTestId('fast-row-total').textContent).toBe('4,25');

    // Enter in the last row adds a row, keeping category and provider.
    await user.keyboard('{Enter}');
    expect(screen.getAllByTestId('fast-row')).toHaveLength(2);
    expect(document.activeElement).toBe(within(screen.getAllByTestId('fast-row')[1]).getByTestId('fast-client'));

    await user.keyboard('tesf');
    await screen.findByRole('option', { name: /Tesfay Gebre/ });
    await user.keyboard('{Enter}');
    await user.selectOptions(screen.getAllByTestId('fast-category')[1], 'participatie');
    await user.clear(screen.getAllByTestId('fast-provider')[1]);
    await user.type(cell(1, 1), '3');

    // An empty third row is ignored.
    await user.click(screen.getByTestId('fast-add-row'));
    expect(screen.getByTestId('fast-total').textContent).toBe('7,25');

    await user.click(screen.getByTestId('fast-save'));
    await screen.findByTestId('fast-result');

    expect(calls.find((c) => c.cmd === 'add_hours_batch')!.args.rows).toEqual([
      { client_id: 'c-2', date: '2025-03-03', quarters: 6, category: 'taal', source: 'consultant', provider: 'Taalhuis', note: null },
      { client_id: 'c-2', date: '2025-03-05', quarters: 8, category: 'taal', source: 'consultant', provider: 'Taalhuis', note: null },
      { client_id: 'c-2', date: '2025-03-09', quarters: 3, category: 'taal', source: 'consultant', provider: 'Taalhuis', note: null },
      { client_id: 'c-3', date: '2025-03-04', quarters: 12, category: 'participatie', source: 'consultant', provider: null, note: null },
    ]);
    expect(screen.getByTestId('fast-result').textContent).toBe('4 regels opgeslagen (7,25 uur) voor 2 cliënten');
    expect(screen.getAllByTestId('fast-row')).toHaveLength(1);
    expect(cell(0, 0).value).toBe('');
    expect((within(screen.getAllByTestId('fast-row')[0]).getByTestId('fast-client') as HTMLInputElement).value).toBe('');
  });

  it('refuses unreadable cells and hours without a client before sending', async () => {
    const calls = installIpc({ caseload });
    const user = userEvent.setup();
    render(FastEntry);
    await user.type(cell(0, 0), '1,3');
    expect(cell(0, 0).getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByTestId('fast-save'));
    const failure = await screen.findByTestId('fast-failure');
    expect(failure.textContent).toContain('Vul uren in per kwartier, bijv. 1,5');
    expect(failure.textContent).toContain('Regel 1: Kies een cliënt');
    expect(calls.some((c) => c.cmd === 'add_hours_batch')).toBe(false);
  });

  it('shows the backend error "1.quarters" at the cell that made batch row 1', async () => {
    installIpc({
      caseload,
      add_hours_batch: () => {
        throw {
          code: 'validation',
          message: 'Ongeldige invoer',
          fields: [{ field: '1.quarters', rule: 'max', message: 'is meer dan 1000 uur in één regel' }],
        };
      },
    });
    const user = userEvent.setup();
    render(FastEntry);
    await pickClient(user, 0, 'ahmed');
    await user.type(cell(0, 0), '2');
    await user.click(screen.getByTestId('fast-add-row'));
    await pickClient(user, 1, 'tesfay');
    await user.type(cell(1, 3), '1200');
    await user.click(screen.getByTestId('fast-save'));

    const failure = await screen.findByTestId('fast-failure');
    expect(failure.textContent).toContain('Tesfay Gebre, do 13-03: Uren is meer dan 1000 uur in één regel');
    expect(cell(1, 3).getAttribute('aria-invalid')).toBe('true');
    expect(cell(1, 3).title).toBe('Uren is meer dan 1000 uur in één regel');
    expect(cell(0, 0).getAttribute('aria-invalid')).toBe('false');
    // Nothing was saved, so the grid keeps what was typed.
    expect(cell(1, 3).value).toBe('1200');
    expect(screen.queryByTestId('fast-result')).toBeNull();
  });
});
