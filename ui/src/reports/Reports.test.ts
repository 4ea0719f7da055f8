import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Reports from './Reports.svelte';
import App from '../App.svelte';
import { app } from '../lib/app.svelte';
import { resetSignals } from '../lib/signals.svelte';
import { router } from '../shell/router.svelte';
import { appState, installIpc, type Call } from '../test/ipc';
import { chartIn, resetCharts } from '../test/chart';
import { dashboardTables, hoursTable, reportTable, signalsTable, teamTable, timelinessTable } from '../test/reports';

vi.mock('chart.js', () => import('../test/chart'));

function reportCalls(calls: Call[]): Record<string, unknown>[] {
  return calls.filter((c) => c.cmd === 'reports').map((c) => c.args);
}

describe('Rapportages dashboard', () => {
  beforeEach(() => {
    app.state = appState();
    resetCharts();
  });

  it('asks for the four tables on today and shows the team totals', async () => {
    const calls = installIpc({ reports: (args) => dashboardTables(args.reference as string) });
    render(Reports);

    expect(screen.getByRole('heading', { name: 'Rapportages' })).toBeTruthy();
    expect((screen.getByTestId('report-reference') as HTMLInputElement).value).toBe('2025-03-14');
    expect(screen.getByTestId('reports-tab-dashboard').getAttribute('aria-selected')).toBe('true');

    expect((await screen.findByTestId('kpi-pip-in-time')).textContent).toBe('37,5 %');
    expect(screen.getByTestId('kpi-open-cases').textContent).toBe('42');
    expect(screen.getByTestId('kpi-open-signals').textContent).toBe('17');
    expect(screen.getByTestId('kpi-overdue').textContent).toBe('4');
    expect(screen.getByTestId('reports-dashboard').textContent).toContain("van 8 eerste PIP's");
    expect(reportCalls(calls)).toEqual([
      { names: ['team', 'tijdigheid', 'uren-per-route', 'signalen'], reference: '2025-03-14', municipality: null },
    ]);
  });

  it('draws the charts without the totals, with a caption under each', async () => {
    installIpc({ reports: (args) => dashboardTables(args.reference as string) });
    render(Reports);
    await screen.findByTestId('kpi-open-cases');

    // Chart.js is loaded on first use.
    await waitFor(() => expect(chartIn('dashboard-signals-chart')).toBeDefined());
    const team = chartIn('dashboard-team-chart')!;
    expect(team.config.data.labels).toEqual(['Fatima de Vries', 'Jeroen Smit']);
    expect(team.config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Open dossiers', [24, 18]],
      ['Open signalen', [11, 6]],
      ['Te laat', [3, 1]],
    ]);
    expect(team.config.options?.animation).toBe(false);
    expect(team.canvas.getAttribute('role')).toBe('img');
    expect(team.canvas.getAttribute('aria-label')).toContain('Caseload per consulent');

    const timeliness = chartIn('dashboard-timeliness-chart')!;
    expect(timeliness.config.data.labels).toEqual(['Hillegom', 'Lisse']);
    expect(timeliness.config.data.datasets[0].data).toEqual([null, 37.5]);

    const hours = chartIn('dashboard-hours-chart')!;
    expect(hours.config.data.labels).toEqual(['B1-route', 'Onderwijsroute', 'Z-route']);
    expect(hours.config.data.datasets.map((d) => d.label)).toEqual(['Lopende trajecten', 'Achter op schema']);

    // Horizontal, only the kinds with open signals, most first.
    const signals = chartIn('dashboard-signals-chart')!;
    expect(signals.config.options?.indexAxis).toBe('y');
    expect(signals.config.data.labels).toEqual(['Geen contact', 'Brede intake']);
    expect(signals.config.data.datasets[0].data).toEqual([7, 3]);

    const card = screen.getByTestId('dashboard-team-chart');
    expect(within(card).getByRole('heading').textContent).toBe('Caseload per consulent');
    expect(card.textContent).toContain('14-03-2025');
  });

  it('asks again when the Peildatum or the municipality changes', async () => {
    const calls = installIpc({ reports: (args) => dashboardTables(args.reference as string) });
    const user = userEvent.setup();
    render(Reports);
    await screen.findByTestId('kpi-open-cases');

    const reference = screen.getByTestId('report-reference') as HTMLInputElement;
    await user.clear(reference);
    await user.type(reference, '2024-12-31');
    await waitFor(() => expect(reportCalls(calls).at(-1)?.reference).toBe('2024-12-31'));
    expect(reportCalls(calls).every((a) => /^\d{4}-\d{2}-\d{2}$/.test(a.reference as string))).toBe(true);
    await waitFor(() => expect(screen.getByTestId('dashboard-team-chart').textContent).toContain('31-12-2024'));

    await user.selectOptions(screen.getByTestId('report-municipality'), 'Lisse');
    await waitFor(() =>
      expect(reportCalls(calls).at(-1)).toEqual({
        names: ['team', 'tijdigheid', 'uren-per-route', 'signalen'],
        reference: '2024-12-31',
        municipality: 'Lisse',
      }),
    );
    expect(within(screen.getByTestId('report-municipality')).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Alle gemeenten',
      'Hillegom',
      'Lisse',
      'Noordwijk',
      'Teylingen',
    ]);
  });

  it('says so when there is nothing to count yet', async () => {
    const empty = (t: ReturnType<typeof teamTable>) => ({ ...t, rows: t.rows.filter((r) => r.labels[0] === 'Totaal') });
    installIpc({
      reports: () => [
        reportTable('team', 'Team', ['Consulent'], [['Open dossiers', 'count'], ['PIP binnen 10 weken', 'percent']], [
          [['Totaal'], [0, null]],
        ]),
        empty(timelinessTable()),
        { ...hoursTable(), rows: hoursTable().rows.map((r) => ({ ...r, values: r.values.map(() => 0) })) },
        { ...signalsTable(), rows: signalsTable().rows.map((r) => ({ ...r, values: r.values.map(() => 0) })) },
      ],
    });
    render(Reports);

    expect((await screen.findByTestId('kpi-pip-in-time')).textContent).toBe('—');
    expect(screen.getByTestId('kpi-open-cases').textContent).toBe('0');
    for (const id of ['dashboard-team-chart', 'dashboard-timeliness-chart', 'dashboard-hours-chart', 'dashboard-signals-chart']) {
      expect(screen.getByTestId(`${id}-empty`).textContent).toBe('Nog geen gegevens voor deze peildatum.');
      expect(chartIn(id)).toBeUndefined();
    }
  });

  it('shows the error when the tables cannot be made', async () => {
    installIpc({ reports: () => Promise.reject({ code: 'internal', message: 'Database vergrendeld', fields: [] }) });
    render(Reports);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('De rapportages konden niet worden geladen.');
    expect(alert.textContent).toContain('Database vergrendeld');
  });
});

describe('Rapportages in the app', () => {
  beforeEach(() => {
    app.state = null;
    app.error = null;
    app.loading = true;
    router.view = { name: 'caseload' };
    resetSignals();
    resetCharts();
  });

  it('opens from the navigation, after Uren invoeren', async () => {
    installIpc({
      app_state: () => appState(),
      caseload: () => [],
      next_deadlines: () => [],
      werkvoorraad: () => ({ items: [], counts: { error: 0, overdue: 0, warning: 0, info: 0, acknowledged: 0 }, consultants: [] }),
      reports: (args) => dashboardTables(args.reference as string),
    });
    const user = userEvent.setup();
    render(App);

    const nav = await screen.findByTestId('nav-reports');
    const labels = screen.getAllByRole('listitem').map((li) => li.textContent?.trim());
    expect(labels.indexOf('Rapportages')).toBe(labels.indexOf('Uren invoeren') + 1);

    await user.click(nav);
    expect(await screen.findByTestId('reports-screen')).toBeTruthy();
    expect(nav.getAttribute('aria-current')).toBe('page');
    expect((await screen.findByTestId('kpi-overdue')).textContent).toBe('4');
  });
});
