// The Werk tab (work periods and booking their hours) and the Afsluiting tab.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import WerkTab from './WerkTab.svelte';
import AfsluitingTab from './AfsluitingTab.svelte';
import { app } from '../lib/app.svelte';
import { appState, client, installIpc } from '../test/ipc';
import { closing, stored, text, trajectoryBackend, workPeriod, workView } from '../test/trajectory';
import type { Exam } from '../api';

const CLIENT = client({ id: 'c-1' });

function exam(overrides: Partial<Exam>): Exam {
  return {
    id: `x-${overrides.part}-${overrides.date}`,
    client_id: 'c-1',
    recorded_by: 'Fatima de Vries',
    recorded_at: '2025-02-01T10:00:00Z',
    part: 'lezen',
    date: '2025-02-10',
    level: 'B1',
    result: 'behaald',
    note: null,
    ...overrides,
  };
}

describe('Werk', () => {
  beforeEach(() => {
    app.state = appState();
  });

  it('offers to book only the weeks that are over and not booked', async () => {
    const job = workView(workPeriod(), {
      booked_until: '2025-03-02',
      to_book: [
        { start: '2025-03-03', end: '2025-03-09', quarters: 64 },
        { start: '2025-03-10', end: '2025-03-12', quarters: 27 },
      ],
    });
    const place = workView(workPeriod({ kind: 'werkervaringsplek', employer: 'Kringloop Lisse', start: '2025-01-06', end: '2025-01-31' }), {
      booked_until: '2025-01-31',
    });
    const backend = trajectoryBackend({ work: [place, job] });
    const calls = installIpc(backend.handlers);
    const user = userEvent.setup();
    render(WerkTab, { props: { client: CLIENT } });

    const items = await screen.findAllByTestId('work-item');
    expect(text(items[0])).toContain('Bakkerij Van Dam');
    expect(text(items[0])).toContain('Uren geboekt t/m 02-03-2025');
    expect(text(items[1])).toContain('Werkervaringsplek Kringloop Lisse 06-01-2025 – 31-01-2025');
    expect(within(items[1]).queryByTestId('work-book')).toBeNull();
    const book = within(items[0]).getByTestId('work-book');
    expect(text(book)).toBe('Uren boeken (2 weken, 22,75 uur)');
    expect(text(items[0])).toContain('categorie werk');

    await user.click(book);
    await waitFor(() => expect(screen.queryByTestId('work-book')).toBeNull());
    expect(calls.find((c) => c.cmd === 'book_work_hours')!.args).toEqual({ clientId: 'c-1', workId: job.stored.id });
    expect(text(screen.getAllByTestId('work-item')[0])).toContain('Uren geboekt t/m 12-03-2025');
  });

  it('records work with the hours per week in quarter hours', async () => {
    const calls = installIpc(trajectoryBackend().handlers);
    const user = userEvent.setup();
    render(WerkTab, { props: { client: CLIENT } });

    await user.click(await screen.findByTestId('work-new'));
    await user.selectOptions(screen.getByTestId('work-kind'), 'werkervaringsplek');
    await user.type(screen.getByTestId('work-employer'), 'Kringloop Lisse');
    await user.type(screen.getByTestId('work-quarters-per-week'), '12,5');
    await user.click(screen.getByTestId('work-save'));

    const item = await screen.findByTestId('work-item');
    expect(text(item)).toContain('12,5 uur');
    expect(text(item)).toContain('Nog geen uren geboekt');
    expect(within(item).queryByTestId('work-book')).toBeNull();
    expect(calls.find((c) => c.cmd === 'add_trajectory_record')!.args.input).toEqual({
      kind: 'work',
      record: { kind: 'werkervaringsplek', employer: 'Kringloop Lisse', start: '2025-03-14', end: null, quarters_per_week: 50, note: null },
    });

    await user.click(within(item).getByTestId('work-edit'));
    expect((screen.getByTestId('work-quarters-per-week') as HTMLInputElement).value).toBe('12,5');
  });
});

describe('Afsluiting', () => {
  beforeEach(() => {
    app.state = appState();
  });

  it('closes the dossier, refreshes the dossier for the new status, and shows until when it is kept', async () => {
    const calls = installIpc(trajectoryBackend({ retention_years: 7 }).handlers);
    let changed = 0;
    const user = userEvent.setup();
    render(AfsluitingTab, { props: { client: CLIENT, onchanged: () => void (changed += 1) } });

    await user.click(await screen.findByTestId('closing-new'));
    expect(screen.getByTestId('closing-form').textContent).toContain('Afsluiten zet de status van de cliënt');
    await user.click(screen.getByTestId('closing-save'));
    expect(text(document.querySelector('[data-field="closing-reason"] [data-testid="field-error"]'))).toBe('Reden is verplicht');

    await user.selectOptions(screen.getByTestId('closing-reason'), 'verhuisd');
    await user.clear(screen.getByTestId('closing-date'));
    await user.type(screen.getByTestId('closing-date'), '2025-03-01');
    await user.click(screen.getByTestId('closing-save'));

    expect(text(await screen.findByTestId('closing-retention'))).toBe('Bewaard tot 01-03-2032 (7 jaar na het einde van de plicht)');
    expect(text(screen.getByTestId('closing-item'))).toContain('Verhuisd');
    expect(calls.find((c) => c.cmd === 'add_trajectory_record')!.args).toEqual({
      clientId: 'c-1',
      input: { kind: 'closing', record: { reason: 'verhuisd', date: '2025-03-01', note: null } },
    });
    expect(changed).toBe(1);
    expect(screen.queryByTestId('closing-new')).toBeNull();
    expect(screen.getByTestId('closing-edit')).toBeTruthy();
  });

  it('shows a closed dossier with the latest result of each exam part', async () => {
    const closed = stored(closing());
    installIpc(
      trajectoryBackend({
        closing: { stored: closed, retention_end: '2030-03-01' },
        exams: [
          exam({ part: 'lezen', date: '2025-01-10', result: 'niet_behaald' }),
          exam({ part: 'lezen', date: '2025-02-10', result: 'behaald' }),
          exam({ part: 'knm', date: '2025-02-12', level: null, result: 'behaald' }),
        ],
      }).handlers,
    );
    render(AfsluitingTab, { props: { client: CLIENT } });

    expect(text(await screen.findByTestId('closing-retention'))).toBe('Bewaard tot 01-03-2030 (5 jaar na het einde van de plicht)');
    expect(text(screen.getByTestId('closing-item'))).toContain('Diploma behaald');
    expect(text(screen.getByTestId('closing-item'))).toContain('Vastgelegd door Fatima de Vries op 10-03-2025');
    const rows = screen.getAllByTestId('exam-summary-row');
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => text(td)))).toEqual([
      ['Lezen', 'B1', 'Behaald', '10-02-2025'],
      ['KNM', '—', 'Behaald', '12-02-2025'],
    ]);
  });

  it('changes the closing with an update', async () => {
    const closed = stored(closing());
    const calls = installIpc(trajectoryBackend({ closing: { stored: closed, retention_end: '2030-03-01' } }).handlers);
    const user = userEvent.setup();
    render(AfsluitingTab, { props: { client: CLIENT } });

    await user.click(await screen.findByTestId('closing-edit'));
    expect((screen.getByTestId('closing-reason') as HTMLSelectElement).value).toBe('diploma');
    await user.selectOptions(screen.getByTestId('closing-reason'), 'z_route_eindgesprek');
    await user.click(screen.getByTestId('closing-save'));
    await waitFor(() => expect(text(screen.getByTestId('closing-item'))).toContain('Eindgesprek Z-route afgerond'));
    expect(calls.find((c) => c.cmd === 'update_trajectory_record')!.args).toEqual({
      clientId: 'c-1',
      recordId: closed.id,
      input: { kind: 'closing', record: { reason: 'z_route_eindgesprek', date: '2025-03-01', note: null } },
    });
  });
});
