// Verzuim, Rapportages and Examens: the tabs that share the portfolio view.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AbsencesTab from './AbsencesTab.svelte';
import ReportsTab from './ReportsTab.svelte';
import ExamsTab from './ExamsTab.svelte';
import { app } from '../lib/app.svelte';
import { appState, client, installIpc } from '../test/ipc';
import { absence, portfolioView, report } from '../test/hours';
import type { Absence, AbsenceExcuse, AbsenceInput, ExamInput, ProgressReportInput } from '../api';

const STATUSHOUDER = client({ id: 'c-1', client_type: 'statushouder' });

describe('Verzuim', () => {
  beforeEach(() => {
    app.state = appState();
  });

  function backend(start: Absence[]) {
    let absences = [...start];
    const clusters = () => {
      const unexcused = absences.filter((a) => !a.excused).sort((a, b) => a.date.localeCompare(b.date));
      return unexcused.length >= 2
        ? [{ from: unexcused[0].date, to: unexcused[unexcused.length - 1].date, absence_ids: unexcused.map((a) => a.id) }]
        : [];
    };
    return {
      client_portfolio: () => portfolioView({ absences, absence_clusters: clusters() }),
      add_absence: (args: Record<string, unknown>) => {
        const a = absence({ id: 'new', ...(args.input as AbsenceInput) });
        absences = [...absences, a];
        return a;
      },
      excuse_absence: (args: Record<string, unknown>) => {
        const excuse = args.excuse as AbsenceExcuse;
        absences = absences.map((a) => (a.id === args.absenceId ? { ...a, ...excuse } : a));
        return absences.find((a) => a.id === args.absenceId);
      },
    } as Record<string, (args: Record<string, unknown>) => unknown>;
  }

  it('warns about repeated unexcused absence and suggests a handhavingsgesprek for statushouders', async () => {
    installIpc(backend([absence({ id: 'a1', date: '2025-02-20' }), absence({ id: 'a2', date: '2025-03-03' })]));
    render(AbsencesTab, { props: { client: STATUSHOUDER } });
    const alert = await screen.findByTestId('absence-cluster');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('2 keer ongeoorloofd verzuim binnen 30 dagen (20-02-2025 – 03-03-2025)');
    expect(alert.textContent).toContain('Overweeg een handhavingsgesprek');
    expect(screen.getAllByTestId('absence-row')).toHaveLength(2);
    expect(screen.getAllByTestId('absence-row')[0].textContent).toContain('Ongeoorloofd');
  });

  it('gives no handhaving hint for other clients', async () => {
    installIpc(backend([absence({ date: '2025-02-20' }), absence({ date: '2025-03-03' })]));
    render(AbsencesTab, { props: { client: client({ id: 'c-1', client_type: 'gezinsmigrant' }) } });
    expect((await screen.findByTestId('absence-cluster')).textContent).not.toContain('handhavingsgesprek');
  });

  it('excuses an absence with a reason, after which the warning goes', async () => {
    const calls = installIpc(backend([absence({ id: 'a1', date: '2025-02-20' }), absence({ id: 'a2', date: '2025-03-03' })]));
    const user = userEvent.setup();
    render(AbsencesTab, { props: { client: STATUSHOUDER } });
    const newest = (await screen.findAllByTestId('absence-row'))[0];
    await user.click(within(newest).getByTestId('absence-edit'));
    expect((screen.getByTestId('excuse-excused') as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByTestId('excuse-save'));
    expect(await screen.findByText('Reden is verplicht bij geoorloofd verzuim')).toBeTruthy();
    expect(calls.some((c) => c.cmd === 'excuse_absence')).toBe(false);

    await user.type(screen.getByTestId('excuse-reason'), 'Doktersverklaring');
    await user.click(screen.getByTestId('excuse-save'));
    await waitFor(() => expect(screen.queryByTestId('absence-cluster')).toBeNull());
    expect(calls.find((c) => c.cmd === 'excuse_absence')!.args).toEqual({
      absenceId: 'a2',
      excuse: { excused: true, reason: 'Doktersverklaring' },
    });
    expect(screen.getAllByTestId('absence-row')[0].textContent).toContain('Geoorloofd');
  });

  it('records an absence', async () => {
    const calls = installIpc(backend([]));
    const user = userEvent.setup();
    render(AbsencesTab, { props: { client: STATUSHOUDER } });
    await user.type(await screen.findByTestId('absence-activity'), 'Taalles');
    await user.click(screen.getByTestId('absence-excused'));
    await user.click(screen.getByTestId('absence-submit'));
    expect((await screen.findByTestId('field-error-absence-reason')).textContent).toBe('Reden is verplicht bij geoorloofd verzuim');
    await user.type(screen.getByTestId('absence-reason'), 'Ziek');
    await user.type(screen.getByTestId('absence-provider'), 'Taalhuis Leiden');
    await user.click(screen.getByTestId('absence-submit'));
    await waitFor(() => expect(screen.getAllByTestId('absence-row')).toHaveLength(1));
    expect(calls.find((c) => c.cmd === 'add_absence')!.args).toEqual({
      clientId: 'c-1',
      input: { date: '2025-03-14', activity: 'Taalles', excused: true, reason: 'Ziek', source: 'consultant', provider: 'Taalhuis Leiden' },
    });
  });
});

describe('Rapportages', () => {
  beforeEach(() => {
    app.state = appState();
  });

  it('lists reports with levels and hours, and enters one by hand', async () => {
    let reports = [report({ id: 'r1', stagnating: true, obstacles: 'Kinderopvang ontbreekt' })];
    const calls = installIpc({
      client_portfolio: () => portfolioView({ reports }),
      add_progress_report: (args) => {
        const r = report({ id: 'r2', ...(args.input as ProgressReportInput) });
        reports = [...reports, r];
        return r;
      },
    });
    const user = userEvent.setup();
    render(ReportsTab, { props: { client: STATUSHOUDER } });
    const card = await screen.findByTestId('progress-report');
    expect(card.textContent).toContain('01-10-2024 t/m 31-12-2024');
    expect(card.textContent).toContain('Taalhuis Leiden');
    expect(card.textContent).toContain('88%');
    expect(card.textContent).toContain('96'); // 384 quarters
    expect(card.textContent).toContain('Kinderopvang ontbreekt');
    expect(within(card).getByTestId('report-stagnating-badge').textContent).toBe('Stagnatie');

    await user.click(screen.getByTestId('report-new'));
    await user.type(screen.getByTestId('report-provider'), 'ROC Mondriaan');
    await user.type(screen.getByTestId('report-period-start'), '2025-01-01');
    await user.type(screen.getByTestId('report-period-end'), '2025-03-01');
    await user.type(screen.getByTestId('report-attendance'), '75');
    await user.selectOptions(screen.getByTestId('report-level-spreken'), 'A2');
    await user.type(screen.getByTestId('report-course-hours'), '1,3');
    await user.click(screen.getByTestId('report-submit'));
    expect((await screen.findByTestId('field-error-report-course-hours')).textContent).toBe('Vul uren in per kwartier, bijv. 1,5');

    await user.clear(screen.getByTestId('report-course-hours'));
    await user.type(screen.getByTestId('report-course-hours'), '80,5');
    await user.type(screen.getByTestId('report-map-practice-hours'), '4');
    await user.click(screen.getByTestId('report-stagnating'));
    await user.click(screen.getByTestId('report-submit'));

    await waitFor(() => expect(screen.getAllByTestId('progress-report')).toHaveLength(2));
    expect(calls.find((c) => c.cmd === 'add_progress_report')!.args).toEqual({
      clientId: 'c-1',
      input: {
        provider: 'ROC Mondriaan',
        period_start: '2025-01-01',
        period_end: '2025-03-01',
        attendance_pct: 75,
        levels: { lezen: null, luisteren: null, spreken: 'A2', schrijven: null, knm: null },
        obstacles: null,
        course_hours: 322,
        map_theory_hours: 0,
        map_practice_hours: 16,
        stagnating: true,
        text: null,
      },
    });
    expect(screen.getAllByTestId('progress-report')[0].textContent).toContain('ROC Mondriaan');
    expect(screen.getByTestId('report-notice')).toBeTruthy();
  });

  it('shows a duplicate report as a conflict', async () => {
    installIpc({
      client_portfolio: () => portfolioView(),
      add_progress_report: () => {
        throw { code: 'conflict', message: 'Er is al een rapportage van deze aanbieder over deze periode', fields: [] };
      },
    });
    const user = userEvent.setup();
    render(ReportsTab, { props: { client: STATUSHOUDER } });
    await user.click(await screen.findByTestId('report-new'));
    await user.type(screen.getByTestId('report-provider'), 'Taalhuis Leiden');
    await user.type(screen.getByTestId('report-period-start'), '2025-01-01');
    await user.type(screen.getByTestId('report-period-end'), '2025-03-01');
    await user.click(screen.getByTestId('report-submit'));
    expect((await screen.findByRole('alert')).textContent).toContain('Er is al een rapportage');
  });
});

describe('Examens', () => {
  beforeEach(() => {
    app.state = appState();
  });

  it('records an exam; the eindgesprek has no level', async () => {
    const calls = installIpc({
      client_portfolio: () => portfolioView(),
      add_exam: (args) => ({ id: 'x1', client_id: 'c-1', recorded_by: 'Fatima de Vries', recorded_at: '2025-03-14T10:00:00Z', ...(args.input as ExamInput) }),
    });
    const user = userEvent.setup();
    render(ExamsTab, { props: { client: STATUSHOUDER } });

    await user.click(await screen.findByTestId('exam-submit'));
    expect((await screen.findByTestId('field-error-exam-level')).textContent).toBe('Niveau is verplicht bij een examenonderdeel');

    await user.selectOptions(screen.getByTestId('exam-part'), 'eindgesprek');
    expect(screen.queryByTestId('exam-level')).toBeNull();
    await user.selectOptions(screen.getByTestId('exam-result'), 'niet_behaald');
    await user.click(screen.getByTestId('exam-submit'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'add_exam')).toBe(true));
    expect(calls.find((c) => c.cmd === 'add_exam')!.args).toEqual({
      clientId: 'c-1',
      input: { part: 'eindgesprek', date: '2025-03-14', level: null, result: 'niet_behaald', note: null },
    });
  });
});
