// Rapportages → Factuurcontrole: a language school's invoice checked against the dossiers.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import InvoiceCheck from './InvoiceCheck.svelte';
import Reports from './Reports.svelte';
import { app } from '../lib/app.svelte';
import { appState, installIpc } from '../test/ipc';
import { resetCharts } from '../test/chart';
import { dashboardTables } from '../test/reports';
import { invoiceCheck } from '../test/money';
import { text } from '../test/trajectory';

vi.mock('chart.js', () => import('../test/chart'));

const CSV = [
  'client;provider;milestone;amount;date',
  'A-102;Leerhuis;z_6_maanden;1.213,52;2025-03-01',
  'A-103;Leerhuis;z_6_maanden;1.500,00;2025-03-01',
].join('\n');

function invoiceFile(content = CSV, name = 'factuur-leerhuis-maart.csv'): File {
  return new File([content], name, { type: 'text/csv' });
}

function cells(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map((c) => text(c));
}

describe('Factuurcontrole', () => {
  beforeEach(() => {
    app.state = appState();
    resetCharts();
  });

  it('is a tab of Rapportages without the Peildatum and Gemeente', async () => {
    installIpc({ reports: (args) => dashboardTables(args.reference as string) });
    const user = userEvent.setup();
    render(Reports);

    const tab = screen.getByTestId('reports-tab-invoice');
    expect(text(tab)).toBe('Factuurcontrole');
    screen.getByTestId('reports-tab-tables').focus();
    await user.keyboard('{ArrowRight}');
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab);

    expect(screen.getByTestId('invoice-check')).toBeTruthy();
    expect(screen.queryByTestId('report-reference')).toBeNull();
    expect(screen.queryByTestId('report-municipality')).toBeNull();
    expect(text(screen.getByTestId('reports-filters-note'))).toBe('Peildatum en gemeente gelden niet voor de factuurcontrole.');

    await user.keyboard('{ArrowRight}');
    expect(screen.getByTestId('reports-tab-dashboard').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('report-reference')).toBeTruthy();
  });

  it('checks the chosen file and shows every line in file order', async () => {
    const calls = installIpc({ check_invoice: () => invoiceCheck() });
    const user = userEvent.setup();
    render(InvoiceCheck);

    const input = screen.getByTestId('invoice-file') as HTMLInputElement;
    expect(input.getAttribute('accept')).toBe('.csv,text/csv');
    await user.upload(input, invoiceFile());

    const summary = await screen.findByTestId('invoice-summary');
    expect(text(summary)).toBe('5 regels gecontroleerd: 3 in orde, 2 met een bevinding; 1 afgekeurd');
    expect(calls.find((c) => c.cmd === 'check_invoice')!.args).toEqual({ csv: CSV });
    expect(text(screen.getByTestId('invoice-file-name'))).toBe('Gecontroleerd: factuur-leerhuis-maart.csv');

    const table = screen.getByTestId('invoice-table');
    expect(within(table).getAllByRole('columnheader').map((h) => text(h))).toEqual([
      'Regel',
      'Cliënt',
      'Facturatiemoment',
      'Bedrag',
      'Bevinding',
    ]);
    const rows = screen.getAllByTestId('invoice-row');
    expect(rows.map(cells)).toEqual([
      ['2', 'A-102', 'z_6_maanden', '€ 1.213,52', 'In orde'],
      ['3', 'A-103', 'z_6_maanden', '€ 1.500,00', 'Bedrag € 1.500,00 wijkt af van € 1.213,52 volgens de prijstabel'],
      ['5', '123456782', 'b1_start', '€ 1.213,52', 'In orde'],
      ['6', 'A-106', 'z_6_maanden', '€ 1.213,52', 'Het facturatiemoment is volgens het dossier niet bereikt'],
      ['7', 'A-107', 'z_6_maanden', '€ 1.213,52', 'In orde'],
    ]);
    expect(rows.map((r) => r.classList.contains('flagged'))).toEqual([false, true, false, true, false]);

    const rejected = screen.getByTestId('invoice-rejected');
    expect(within(rejected).getByRole('heading').textContent).toBe('Afgekeurde regels');
    expect(screen.getAllByTestId('invoice-rejected-row').map((li) => text(li))).toEqual([
      "Regel 4, kolom amount: 'twaalf' is geen bedrag",
    ]);
  });

  it('shows only the lines with a finding when asked', async () => {
    installIpc({ check_invoice: () => invoiceCheck() });
    const user = userEvent.setup();
    render(InvoiceCheck);
    await user.upload(screen.getByTestId('invoice-file'), invoiceFile());
    await screen.findByTestId('invoice-table');

    await user.click(screen.getByTestId('invoice-only-flagged'));
    const rows = screen.getAllByTestId('invoice-row');
    expect(rows.map((r) => cells(r)[0])).toEqual(['3', '6']);
    expect(rows.every((r) => r.classList.contains('flagged'))).toBe(true);
    // The summary keeps counting the whole file.
    expect(text(screen.getByTestId('invoice-summary'))).toContain('3 in orde');

    await user.click(screen.getByTestId('invoice-only-flagged'));
    expect(screen.getAllByTestId('invoice-row')).toHaveLength(5);
  });

  it('says so when every line is in order', async () => {
    installIpc({
      check_invoice: () => ({ findings: invoiceCheck().findings.filter((f) => f.problems.length === 0), rejected: [] }),
    });
    const user = userEvent.setup();
    render(InvoiceCheck);
    await user.upload(screen.getByTestId('invoice-file'), invoiceFile());

    const summary = await screen.findByTestId('invoice-summary');
    expect(text(summary)).toBe('3 regels gecontroleerd: 3 in orde, 0 met een bevinding');
    expect(summary.classList.contains('clean')).toBe(true);
    expect(screen.queryByTestId('invoice-rejected')).toBeNull();

    await user.click(screen.getByTestId('invoice-only-flagged'));
    expect(screen.queryByTestId('invoice-table')).toBeNull();
    expect(text(screen.getByTestId('invoice-no-findings'))).toBe('Geen bevindingen: alle gecontroleerde regels zijn in orde.');
  });

  it('shows why a file cannot be checked', async () => {
    installIpc({
      check_invoice: () =>
        Promise.reject({ code: 'validation', message: 'kolom amount ontbreekt in de kopregel', fields: [] }),
    });
    const user = userEvent.setup();
    render(InvoiceCheck);
    await user.upload(screen.getByTestId('invoice-file'), invoiceFile('client;provider\nA-1;Leerhuis', 'kapot.csv'));

    const error = await screen.findByTestId('invoice-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(text(error)).toBe('De factuur kon niet worden gecontroleerd. kolom amount ontbreekt in de kopregel');
    expect(text(screen.getByTestId('invoice-file-name'))).toBe('Bestand: kapot.csv');
    expect(screen.queryByTestId('invoice-summary')).toBeNull();
    expect(screen.queryByTestId('invoice-table')).toBeNull();
  });

  it('refuses a file that is not UTF-8 without sending it', async () => {
    const check = vi.fn();
    installIpc({ check_invoice: check });
    const user = userEvent.setup();
    render(InvoiceCheck);
    // "Zoë" in Windows-1252, as Excel saves a plain CSV.
    const latin1 = new Uint8Array([...new TextEncoder().encode(CSV.split('\n')[0] + '\nZo'), 0xeb]);
    await user.upload(screen.getByTestId('invoice-file'), new File([latin1], 'excel.csv', { type: 'text/csv' }));

    const error = await screen.findByTestId('invoice-error');
    expect(text(error)).toContain('excel.csv is geen UTF-8; sla het op als "CSV UTF-8"');
    expect(check).not.toHaveBeenCalled();
  });
});
