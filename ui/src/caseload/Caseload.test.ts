import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Caseload from './Caseload.svelte';
import { app } from '../lib/app.svelte';
import { router } from '../shell/router.svelte';
import { resetCaseloadState } from './state.svelte';
import { refreshApp } from '../lib/app.svelte';
import { resetSignals } from '../lib/signals.svelte';
import { appState, installIpc } from '../test/ipc';
import { signal } from '../test/signals';
import type { CaseloadQuery, ClientSummary, NextDeadline } from '../api';

function summary(i: number, given: string, family: string): ClientSummary {
  return {
    id: `id-${i}`,
    given_name: given,
    family_name: family,
    birth_date: '1990-01-01',
    municipality: 'Lisse',
    client_type: 'statushouder',
    status: 'in_traject',
    consultant: 'Fatima de Vries',
    brp_registration_date: '2024-02-09',
    termijn_end: null,
  };
}

const PEOPLE: ClientSummary[] = [
  summary(1, 'Ahmed', 'Haddad'),
  summary(2, 'Mariam', 'Tesfay'),
  summary(3, 'Olena', 'Kovalenko'),
];

function queries(calls: { cmd: string; args: Record<string, unknown> }[]): CaseloadQuery[] {
  return calls.filter((c) => c.cmd === 'caseload').map((c) => c.args.query as CaseloadQuery);
}

describe('Caseload', () => {
  beforeEach(() => {
    app.state = appState();
    router.view = { name: 'caseload' };
    resetCaseloadState();
    resetSignals();
  });

  it('searches names as you type, here in the window: no round trip per keystroke', async () => {
    const calls = installIpc({ caseload: () => PEOPLE });
    const user = userEvent.setup();
    render(Caseload);

    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(3));
    expect(screen.getByTestId('caseload-count').textContent).toContain('3 cliënten');
    expect(screen.getByTestId('caseload-count').textContent).not.toContain('gevonden');
    const search = screen.getByTestId('caseload-search');
    expect(document.activeElement).toBe(search);
    expect(search.getAttribute('placeholder')).toBe('Zoek op naam of BSN…');

    await user.type(search, 'hadd');
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(1));
    expect(screen.getByTestId('caseload-row').textContent).toContain('Ahmed Haddad');
    expect(screen.getByTestId('caseload-row').textContent).toContain('In traject');
    expect(screen.getByTestId('caseload-row').textContent).toContain('09-02-2024');
    expect(screen.getByTestId('caseload-count').textContent).toMatch(/1 cliënt\s+gevonden/);

    // Case and accents do not matter; every word must be part of the name.
    await user.clear(search);
    await user.type(search, 'OLÉNA  ko');
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(1));
    expect(screen.getByTestId('caseload-row').textContent).toContain('Olena Kovalenko');
    await user.type(search, 'x');
    expect(await screen.findByText('Geen cliënten gevonden')).toBeTruthy();

    // The rows were loaded once, without the text; the backend was not asked per keystroke.
    expect(calls.filter((c) => c.cmd === 'search_clients')).toHaveLength(0);
    expect(queries(calls)).toEqual([
      {
        text: null,
        municipality: null,
        client_type: null,
        status: null,
        consultant: null,
        sort: 'name',
        descending: false,
      },
    ]);
  });
  it('looks a whole BSN up in the backend, and ignores an older answer that arrives late', async () => {
    const pending = new Map<string, (ids: string[]) => void>();
    const calls = installIpc({
      caseload: () => PEOPLE,
      search_clients: (args) => new Promise<string[]>((resolve) => pending.set(args.text as string, resolve)),
    });
    const user = userEvent.setup();
    render(Caseload);
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(3));

    // Seven digits are no BSN: no name has them.
    await user.type(screen.getByTestId('caseload-search'), '1234567');
    expect(await screen.findByText('Geen cliënten gevonden')).toBeTruthy();
    await user.type(screen.getByTestId('caseload-search'), '82');
    await waitFor(() => expect([...pending.keys()]).toEqual(['12345678', '123456782']));
    pending.get('123456782')!(['id-3']);
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(1));
    expect(screen.getByTestId('caseload-row').textContent).toContain('Olena Kovalenko');

    // The answer to the eight digits comes last: it no longer applies.
    pending.get('12345678')!(['id-1', 'id-2']);
    await new Promise((r) => setTimeout(r, 30));
    expect(screen.getAllByTestId('caseload-row')).toHaveLength(1);
    expect(screen.getByTestId('caseload-count').textContent).toContain('1 cliënt');
    expect(calls.filter((c) => c.cmd === 'search_clients')).toHaveLength(2);
  });
  it('asks for each BSN once: deleting the ninth digit and typing it again are answered here', async () => {
    const calls = installIpc({
      caseload: () => PEOPLE,
      search_clients: (args) => (args.text === '123456782' ? ['id-3'] : []),
    });
    const user = userEvent.setup();
    render(Caseload);
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(3));
    const search = screen.getByTestId('caseload-search');

    await user.type(search, '123456782');
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(1));
    await user.type(search, '{Backspace}');
    expect(await screen.findByText('Geen cliënten gevonden')).toBeTruthy();
    await user.type(search, '2');
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(1));
    expect(screen.getByTestId('caseload-row').textContent).toContain('Olena Kovalenko');

    const asked = calls.filter((c) => c.cmd === 'search_clients').map((c) => c.args.text);
    expect(asked).toEqual(['12345678', '123456782']);
  });
  it('shows every row again when the search is cleared, without asking the backend', async () => {
    const calls = installIpc({ caseload: () => PEOPLE });
    const user = userEvent.setup();
    render(Caseload);
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(3));
    const search = screen.getByTestId('caseload-search');

    await user.type(search, 'tesf');
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(1));

    await user.clear(search);
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(3));
    expect(screen.getByTestId('caseload-count').textContent).toContain('3 cliënten');
    expect(screen.getByTestId('caseload-count').textContent).not.toContain('gevonden');
    expect(queries(calls)).toHaveLength(1);

    // Spaces only: no search either.
    await user.type(search, '  ');
    expect(screen.getAllByTestId('caseload-row')).toHaveLength(3);
    expect(screen.getByTestId('caseload-count').textContent).not.toContain('gevonden');
    expect(calls.filter((c) => c.cmd === 'search_clients')).toHaveLength(0);
  });

  it('times each keystroke from its event to the filtered list painted', async () => {
    installIpc({ caseload: () => PEOPLE });
    const user = userEvent.setup();
    render(Caseload);
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(3));
    // The spans of the tests before have been measured by now.
    await new Promise((r) => setTimeout(r, 50));
    const parts = ['zoeken:input', 'zoeken:dom', 'zoeken:frame', 'zoeken'];
    for (const name of parts) performance.clearMeasures(name);
    const search = screen.getByTestId('caseload-search');

    await user.type(search, 'ol');
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(1));
    await waitFor(() => expect(performance.getEntriesByName('zoeken', 'measure')).toHaveLength(2));
    await user.clear(search);
    await waitFor(() => expect(performance.getEntriesByName('zoeken', 'measure')).toHaveLength(3));
    expect(screen.getAllByTestId('caseload-row')).toHaveLength(3);

    // Each keystroke's parts, in order: the key reached the page, the DOM was updated, the next
    // frame began, the frame was drawn.
    const durations = parts.map((name) => performance.getEntriesByName(name, 'measure').map((e) => e.duration));
    for (const d of durations) expect(d).toHaveLength(3);
    for (let i = 0; i < 3; i++) {
      const [input, dom, frame, painted] = durations.map((d) => d[i]);
      expect(input).toBeLessThanOrEqual(dom);
      expect(dom).toBeLessThanOrEqual(frame);
      expect(frame).toBeLessThanOrEqual(painted);
    }
  });

  it('keeps the search’s filter when filters or sort reload the rows, and “Filters wissen” clears it', async () => {
    const calls = installIpc({
      caseload: (args) => {
        const q = args.query as CaseloadQuery;
        if (q.municipality === 'Noordwijk') return [];
        return q.descending ? [...PEOPLE].reverse() : PEOPLE;
      },
    });
    const user = userEvent.setup();
    render(Caseload);
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(3));
    const names = () => screen.getAllByTestId('caseload-row').map((r) => r.querySelector('.name')!.textContent);
    const search = screen.getByTestId('caseload-search') as HTMLInputElement;

    await user.type(search, 'm');
    await waitFor(() => expect(names()).toEqual(['Ahmed Haddad', 'Mariam Tesfay']));

    await user.click(screen.getByTestId('sort-name'));
    await waitFor(() => expect(names()).toEqual(['Mariam Tesfay', 'Ahmed Haddad']));
    expect(queries(calls).at(-1)).toMatchObject({ text: null, sort: 'name', descending: true });
    expect(screen.getByTestId('caseload-count').textContent).toMatch(/2 cliënten\s+gevonden/);

    await user.selectOptions(screen.getByTestId('filter-municipality'), 'Noordwijk');
    expect(await screen.findByText('Geen cliënten gevonden')).toBeTruthy();
    await user.click(screen.getByText('Filters wissen'));
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(3));
    expect(search.value).toBe('');
    expect(screen.getByTestId('caseload-count').textContent).not.toContain('gevonden');
    expect(queries(calls).at(-1)).toMatchObject({ text: null, municipality: null });
  });
  it('keeps the search when coming back; a BSN is looked up again', async () => {
    const calls = installIpc({ caseload: () => PEOPLE, search_clients: () => ['id-2'] });
    const user = userEvent.setup();
    const first = render(Caseload);
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(3));
    await user.type(screen.getByTestId('caseload-search'), 'mariam');
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(1));
    first.unmount();

    const second = render(Caseload);
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(1));
    expect(screen.getByTestId('caseload-row').textContent).toContain('Mariam Tesfay');
    expect((screen.getByTestId('caseload-search') as HTMLInputElement).value).toBe('mariam');
    expect(calls.filter((c) => c.cmd === 'search_clients')).toHaveLength(0);

    await user.clear(screen.getByTestId('caseload-search'));
    await user.type(screen.getByTestId('caseload-search'), '123456782');
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(1));
    second.unmount();

    render(Caseload);
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'search_clients')).toHaveLength(3));
    expect(calls.filter((c) => c.cmd === 'search_clients').at(-1)!.args).toEqual({ text: '123456782' });
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(1));
    expect(screen.getByTestId('caseload-row').textContent).toContain('Mariam Tesfay');
  });
  it('shows the rows it loaded at once when coming back, and loads them again after a change', async () => {
    const calls = installIpc({ caseload: () => PEOPLE, app_state: () => appState() });
    const first = render(Caseload);
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(3));
    first.unmount();

    // Back from a dossier: the same rows, no new request.
    const again = render(Caseload);
    expect(screen.getAllByTestId('caseload-row')).toHaveLength(3);
    expect(queries(calls)).toHaveLength(1);
    again.unmount();

    // A save (every save ends in refreshApp) or a sync: the rows are loaded again.
    await refreshApp();
    render(Caseload);
    await waitFor(() => expect(queries(calls)).toHaveLength(2));
  });

  it('shows the termijn end per client in its own column', async () => {
    installIpc({
      caseload: () => [
        { ...summary(1, 'Ahmed', 'Haddad'), termijn_end: '2027-03-16' },
        summary(2, 'Mariam', 'Tesfay'),
        { ...summary(3, 'Olena', 'Kovalenko'), termijn_end: '2025-05-01' },
      ],
    });
    render(Caseload);
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(3));
    expect(screen.getByText('Termijn tot')).toBeTruthy();
    const cells = screen.getAllByTestId('caseload-termijn-end');
    expect(cells.map((c) => c.textContent?.trim())).toEqual(['16-03-2027', '—', '01-05-2025']);
    // Within half a year of today (14-03-2025) stands out.
    expect(cells[2].classList.contains('soon')).toBe(true);
    expect(cells[0].classList.contains('soon')).toBe(false);
  });

  it('shows the empty state', async () => {
    installIpc({ caseload: () => [] });
    render(Caseload);
    expect(await screen.findByText('Geen cliënten gevonden')).toBeTruthy();
  });

  it('keeps the list with its column headers when a search finds nobody, and fills it again', async () => {
    installIpc({ caseload: () => PEOPLE });
    const user = userEvent.setup();
    render(Caseload);
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(3));
    const list = screen.getByTestId('virtual-list');
    const search = screen.getByTestId('caseload-search');

    await user.type(search, 'zzz');
    expect(await screen.findByTestId('caseload-empty')).toBeTruthy();
    expect(screen.queryAllByTestId('caseload-row')).toHaveLength(0);
    expect(screen.getByTestId('virtual-list')).toBe(list);
    expect(screen.getByTestId('sort-name').textContent).toContain('Naam');

    await user.clear(search);
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(3));
    expect(screen.queryByTestId('caseload-empty')).toBeNull();
    expect(screen.getByTestId('virtual-list')).toBe(list);
  });

  it('toggles sorting via the column headers and filters via selects', async () => {
    const calls = installIpc({ caseload: () => PEOPLE });
    const user = userEvent.setup();
    render(Caseload);
    await screen.findAllByTestId('caseload-row');

    await user.click(screen.getByTestId('sort-municipality'));
    await waitFor(() => expect(queries(calls).at(-1)).toMatchObject({ sort: 'municipality', descending: false }));
    await user.click(screen.getByTestId('sort-municipality'));
    await waitFor(() => expect(queries(calls).at(-1)).toMatchObject({ sort: 'municipality', descending: true }));
    expect(screen.getByTestId('sort-municipality').closest('[role=columnheader]')!.getAttribute('aria-sort')).toBe(
      'descending',
    );

    await user.selectOptions(screen.getByTestId('filter-status'), 'pip');
    await user.selectOptions(screen.getByTestId('filter-municipality'), 'Noordwijk');
    await waitFor(() =>
      expect(queries(calls).at(-1)).toMatchObject({ status: 'pip', municipality: 'Noordwijk' }),
    );
  });

  it('opens the dossier on click and with Enter', async () => {
    installIpc({ caseload: () => PEOPLE });
    const user = userEvent.setup();
    render(Caseload);
    const rows = await screen.findAllByTestId('caseload-row');
    await user.click(rows[1]);
    expect(router.view).toEqual({ name: 'dossier', id: 'id-2' });

    router.view = { name: 'caseload' };
    rows[0].focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(router.view).toEqual({ name: 'dossier', id: 'id-3' });
  });

  it('opens the client a row shows after the search put another one in its place', async () => {
    installIpc({ caseload: () => PEOPLE });
    const user = userEvent.setup();
    render(Caseload);
    const before = await screen.findAllByTestId('caseload-row');
    expect(before[0].textContent).toContain('Ahmed Haddad');

    await user.type(screen.getByTestId('caseload-search'), 'kova');
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(1));
    const [row] = screen.getAllByTestId('caseload-row');
    expect(row).toBe(before[0]); // the row's element was reused for another client
    expect(row.textContent).toContain('Olena Kovalenko');
    expect(row.textContent).not.toContain('Haddad');
    await user.click(row);
    expect(router.view).toEqual({ name: 'dossier', id: 'id-3' });

    router.view = { name: 'caseload' };
    row.focus();
    await user.keyboard('{Enter}');
    expect(router.view).toEqual({ name: 'dossier', id: 'id-3' });
  });

  it('renders only a window of rows for a very large caseload', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => summary(i, `Voornaam${i}`, `Achternaam${i}`));
    installIpc({ caseload: () => many });
    render(Caseload);
    await waitFor(() => expect(screen.getByTestId('caseload-count').textContent).toContain('10.000 cliënten'));
    const rendered = screen.getAllByTestId('caseload-row');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(60);
    expect(rendered[0].textContent).toContain('Voornaam0 Achternaam0');
  });

  it('renders a few rows below the viewport until the list is scrolled, then more', async () => {
    const many = Array.from({ length: 500 }, (_, i) => summary(i, `Voornaam${i}`, `Achternaam${i}`));
    installIpc({ caseload: () => many });
    const user = userEvent.setup();
    render(Caseload);
    await waitFor(() => expect(screen.getByTestId('caseload-count').textContent).toContain('500 cliënten'));
    // jsdom has no layout: the list takes its default height, 480 px, less the 38 px header,
    // which shows 12 rows of 40 px.
    expect(screen.getAllByTestId('caseload-row')).toHaveLength(12 + 3);

    const viewport = screen.getByTestId('virtual-list');
    viewport.dispatchEvent(new Event('scroll'));
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(12 + 8));

    // A search's rows have not been scrolled.
    await user.type(screen.getByTestId('caseload-search'), 'voornaam1');
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(12 + 3));
  });

  it('shows the first rows again when a search changes a scrolled list', async () => {
    const many = Array.from({ length: 500 }, (_, i) => summary(i, `Voornaam${i}`, `Achternaam${i}`));
    installIpc({ caseload: () => many });
    const user = userEvent.setup();
    render(Caseload);
    await waitFor(() => expect(screen.getByTestId('caseload-count').textContent).toContain('500 cliënten'));
    const viewport = screen.getByTestId('virtual-list');
    viewport.scrollTop = 4_000;
    viewport.dispatchEvent(new Event('scroll'));
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')[0].textContent).not.toContain('Voornaam0 '));

    await user.type(screen.getByTestId('caseload-search'), 'voornaam1');
    await waitFor(() => expect(screen.getAllByTestId('caseload-row')[0].textContent).toContain('Voornaam1 Achternaam1'));
    expect(viewport.scrollTop).toBe(0);
  });

  describe('next deadline', () => {
    const DEADLINES: NextDeadline[] = [
      {
        client_id: 'id-1',
        signal: signal({ kind: 'termijn_ending', severity: 'warning', due: '2025-08-01', tab: 'pip', message: 'De termijn eindigt op 01-08-2025.' }),
      },
      {
        client_id: 'id-3',
        signal: signal({ kind: 'provider_report_overdue', severity: 'overdue', due: '2025-03-01', tab: 'reports' }),
      },
    ];

    it('shows each client’s next deadline from one call, not one per keystroke', async () => {
      const calls = installIpc({ caseload: () => PEOPLE, next_deadlines: () => DEADLINES });
      const user = userEvent.setup();
      render(Caseload);

      await waitFor(() =>
        expect(screen.getAllByTestId('caseload-next-deadline').map((c) => c.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
          '01-08-2025 Termijn',
          '—',
          '01-03-2025 Rapportage',
        ]),
      );
      expect(screen.getByText('Volgende termijn')).toBeTruthy();
      const cells = screen.getAllByTestId('caseload-next-deadline');
      expect(cells[0].classList.contains('sev-warning')).toBe(true);
      expect(cells[2].classList.contains('sev-overdue')).toBe(true);
      expect(cells[0].getAttribute('title')).toBe('Termijn loopt af: De termijn eindigt op 01-08-2025.');

      await user.type(screen.getByTestId('caseload-search'), 'olena');
      await waitFor(() => expect(screen.getAllByTestId('caseload-row')).toHaveLength(1));
      expect(screen.getByTestId('caseload-next-deadline').textContent).toContain('01-03-2025');
      expect(calls.filter((c) => c.cmd === 'next_deadlines')).toHaveLength(1);
    });

    it('keeps the deadlines when coming back, and loads them again after a save', async () => {
      const calls = installIpc({ caseload: () => PEOPLE, next_deadlines: () => DEADLINES, app_state: () => appState() });
      const first = render(Caseload);
      await waitFor(() => expect(screen.getAllByTestId('caseload-next-deadline')[0].textContent).toContain('01-08-2025'));
      first.unmount();

      render(Caseload);
      await screen.findAllByTestId('caseload-row');
      expect(screen.getAllByTestId('caseload-next-deadline')[0].textContent).toContain('01-08-2025');
      expect(calls.filter((c) => c.cmd === 'next_deadlines')).toHaveLength(1);

      // Every save ends in refreshApp: the deadlines may have changed.
      await refreshApp();
      await waitFor(() => expect(calls.filter((c) => c.cmd === 'next_deadlines')).toHaveLength(2));
    });

    it('sorts by next deadline here, clients without one last', async () => {
      const calls = installIpc({ caseload: () => PEOPLE, next_deadlines: () => DEADLINES });
      const user = userEvent.setup();
      render(Caseload);
      await waitFor(() => expect(screen.getAllByTestId('caseload-next-deadline')[0].textContent).toContain('01-08-2025'));
      const names = () => screen.getAllByTestId('caseload-row').map((r) => r.querySelector('.name')!.textContent);
      const backendCalls = calls.filter((c) => c.cmd === 'caseload').length;

      await user.click(screen.getByTestId('sort-next_deadline'));
      expect(names()).toEqual(['Olena Kovalenko', 'Ahmed Haddad', 'Mariam Tesfay']);
      expect(screen.getByTestId('sort-next_deadline').closest('[role=columnheader]')!.getAttribute('aria-sort')).toBe('ascending');
      expect(screen.getByTestId('sort-name').closest('[role=columnheader]')!.getAttribute('aria-sort')).toBe('none');
      await user.click(screen.getByTestId('sort-next_deadline'));
      expect(names()).toEqual(['Ahmed Haddad', 'Olena Kovalenko', 'Mariam Tesfay']);
      expect(calls.filter((c) => c.cmd === 'caseload')).toHaveLength(backendCalls);

      // Another column goes back to the backend's sorting.
      await user.click(screen.getByTestId('sort-name'));
      await waitFor(() => expect(queries(calls).at(-1)).toMatchObject({ sort: 'name', descending: false }));
      expect(names()).toEqual(['Ahmed Haddad', 'Mariam Tesfay', 'Olena Kovalenko']);
    });
  });
});
