import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Reports from './Reports.svelte';
import { app } from '../lib/app.svelte';
import { appState, installIpc, type Call } from '../test/ipc';
import { resetCharts } from '../test/chart';
import { REPORT_LIST, dashboardTables, doelgroepTable, milestonesTable } from '../test/reports';
import type { ReportTable } from '../api';

vi.mock('chart.js', () => import('../test/chart'));

type Handler = (args: Record<string, unknown>) => unknown;

/** The report commands: the dashboard's four tables, or the one table asked for. */
function backend(overrides: Record<string, Handler> = {}): Call[] {
  const tables: Record<string, () => ReportTable> = { doelgroep: doelgroepTable, mijlpalen: milestonesTable };
  return installIpc({
    reports_list: () => REPORT_LIST,
    reports: (args) => {
      const names = args.names as string[];
      return names.length > 1 ? dashboardTables() : names.map((n) => tables[n]());
    },
    mask_small_counts: () => false,
    set_mask_small_counts: (args) => args.mask,
    ...overrides,
  });
}

async function openTables(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  render(Reports);
  await user.click(screen.getByTestId('reports-tab-tables'));
  await screen.findByTestId('report-table');
}

function cells(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

describe('Rapportages tables', () => {
  beforeEach(() => {
    app.state = appState();
    resetCharts();
  });

  it('shows the doelgroep table first, and another report when chosen', async () => {
    const calls = backend();
    const user = userEvent.setup();
    await openTables(user);

    expect(screen.getByTestId('reports-tab-tables').getAttribute('aria-selected')).toBe('true');
    const select = screen.getByTestId('report-select') as HTMLSelectElement;
    expect(select.value).toBe('doelgroep');
    expect(within(select).getAllByRole('option').map((o) => [o.getAttribute('value'), o.textContent])).toEqual(
      REPORT_LIST.map((r) => [r.name, r.title]),
    );
    expect(screen.getByTestId('report-title').textContent).toBe('Inburgeringsplichtigen naar doelgroep en gemeente');
    expect(calls.filter((c) => c.cmd === 'reports').at(-1)!.args).toEqual({
      names: ['doelgroep'],
      reference: '2025-03-14',
      municipality: null,
    });

    await user.selectOptions(select, 'mijlpalen');
    await waitFor(() => expect(screen.getByTestId('report-title').textContent).toBe(milestonesTable().title));
    expect(screen.getByTestId('report-note').textContent).toBe('Telling op 14-03-2025.');

    const table = screen.getByTestId('report-table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Taalaanbieder',
      'Cliënt',
      'Bedrag',
      'Aantal',
      'Aandeel',
    ]);
    const rows = screen.getAllByTestId('report-row');
    expect(rows.map(cells)).toEqual([
      ['Leerhuis', 'Ahmed Haddad', '€ 1.250,00', '12', '37,5 %'],
      ['Leerhuis', 'Sara Tesfay', '—', '3', '—'],
      ['Totaal Leerhuis', '', '€ 1.250,00', '15', '37,5 %'],
      ['Totaal', '', '€ 1.250,00', '15', '37,5 %'],
    ]);
    expect(rows.map((r) => r.classList.contains('total'))).toEqual([false, false, true, true]);
    expect(within(rows[0]).getAllByRole('cell')[2].classList.contains('num')).toBe(true);
  });

  it('follows the Peildatum and the municipality of the toolbar', async () => {
    const calls = backend();
    const user = userEvent.setup();
    await openTables(user);

    await user.selectOptions(screen.getByTestId('report-municipality'), 'Hillegom');
    await waitFor(() =>
      expect(calls.filter((c) => c.cmd === 'reports').at(-1)!.args).toEqual({
        names: ['doelgroep'],
        reference: '2025-03-14',
        municipality: 'Hillegom',
      }),
    );
  });

  it('exports as CSV and Excel and opens the saved file', async () => {
    const calls = backend({
      export_report: (args) => ({ path: `/home/test/documents/rapportages/doelgroep-2025-03-14.${args.format}` }),
      open_document: () => null,
    });
    const user = userEvent.setup();
    await openTables(user);

    await user.click(screen.getByTestId('export-csv'));
    expect((await screen.findByTestId('export-saved')).textContent).toBe(
      'Opgeslagen: /home/test/documents/rapportages/doelgroep-2025-03-14.csv',
    );
    expect(calls.find((c) => c.cmd === 'export_report')!.args).toEqual({
      name: 'doelgroep',
      reference: '2025-03-14',
      municipality: null,
      format: 'csv',
    });

    await user.click(screen.getByTestId('export-xlsx'));
    await waitFor(() =>
      expect(screen.getByTestId('export-saved').textContent).toBe(
        'Opgeslagen: /home/test/documents/rapportages/doelgroep-2025-03-14.xlsx',
      ),
    );
    expect(calls.filter((c) => c.cmd === 'export_report').at(-1)!.args.format).toBe('xlsx');

    await user.click(screen.getByTestId('export-open'));
    await waitFor(() =>
      expect(calls.find((c) => c.cmd === 'open_document')?.args).toEqual({
        path: '/home/test/documents/rapportages/doelgroep-2025-03-14.xlsx',
      }),
    );
  });

  it('shows why an export failed', async () => {
    backend({
      export_report: () => Promise.reject({ code: 'internal', message: 'Schijf vol', fields: [] }),
    });
    const user = userEvent.setup();
    await openTables(user);

    await user.click(screen.getByTestId('export-xlsx'));
    const error = await screen.findByTestId('export-error');
    expect(error.textContent).toContain('Het rapport kon niet worden geëxporteerd.');
    expect(error.textContent).toContain('Schijf vol');
    expect(screen.queryByTestId('export-saved')).toBeNull();
  });

  it('saves the setting for small counts in exports', async () => {
    const calls = backend({ mask_small_counts: () => true });
    const user = userEvent.setup();
    await openTables(user);

    const mask = screen.getByTestId('mask-setting') as HTMLInputElement;
    await waitFor(() => expect(mask.checked).toBe(true));
    expect(screen.getByLabelText('Kleine aantallen (1–4) als <5 in exports')).toBe(mask);

    await user.click(mask);
    await waitFor(() => expect(calls.find((c) => c.cmd === 'set_mask_small_counts')?.args).toEqual({ mask: false }));
    expect(mask.checked).toBe(false);
    // The screen itself keeps showing the real counts.
    expect(cells(screen.getAllByTestId('report-row')[1])).toEqual(['Lisse', '10', '2', '12']);
  });

  it('shows the error when the table cannot be made', async () => {
    backend({
      reports: (args) =>
        (args.names as string[]).length > 1
          ? dashboardTables()
          : Promise.reject({ code: 'validation', message: 'Onbekend rapport', fields: [] }),
    });
    const user = userEvent.setup();
    render(Reports);
    await user.click(screen.getByTestId('reports-tab-tables'));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Het rapport kon niet worden geladen.');
    expect(alert.textContent).toContain('Onbekend rapport');
    expect(screen.queryByTestId('report-table')).toBeNull();
  });
});
