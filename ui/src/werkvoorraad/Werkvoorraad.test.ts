import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Werkvoorraad from './Werkvoorraad.svelte';
import App from '../App.svelte';
import { app } from '../lib/app.svelte';
import { resetSignals } from '../lib/signals.svelte';
import { router } from '../shell/router.svelte';
import { resetCaseloadState } from '../caseload/state.svelte';
import { resetWerkvoorraadState } from './state.svelte';
import { pipOverview } from '../test/pip';
import { IDENTITY, appState, client, installIpc, type Call } from '../test/ipc';
import { sampleItems, signalsBackend, workItem } from '../test/signals';
import type { AckInput, WerkvoorraadQuery } from '../api';

function queries(calls: Call[]): WerkvoorraadQuery[] {
  return calls.filter((c) => c.cmd === 'werkvoorraad').map((c) => c.args.query as WerkvoorraadQuery);
}

const TEAMLEIDER = { ...IDENTITY, name: 'Petra Bos', role: 'teamleider' as const };

describe('Werkvoorraad', () => {
  beforeEach(() => {
    app.state = appState();
    router.view = { name: 'werkvoorraad' };
    resetWerkvoorraadState();
    resetSignals();
    resetCaseloadState();
  });

  it('groups the signals by severity, most urgent first, with counts, dates and Dutch labels', async () => {
    const backend = signalsBackend(sampleItems());
    installIpc({ ...backend.handlers, app_state: () => appState() });
    render(Werkvoorraad);

    await waitFor(() => expect(screen.getAllByTestId('werkvoorraad-item')).toHaveLength(4));
    expect(screen.getByRole('heading', { name: 'Werkvoorraad' })).toBeTruthy();
    expect(screen.getByTestId('werkvoorraad-date').textContent).toContain('vrijdag 14 maart 2025');
    expect(screen.getByTestId('werkvoorraad-date').textContent).toContain('Mijn cliënten');

    const chips = screen.getByTestId('werkvoorraad-counts');
    expect(chips.textContent).toContain('1 fout');
    expect(chips.textContent).toContain('1 te laat');
    expect(chips.textContent).toContain('1 waarschuwing');
    expect(chips.textContent).toContain('1 ter info');
    expect(chips.textContent).toContain('1 opzij gelegd');

    const groups = screen.getAllByTestId('werkvoorraad-group');
    expect(groups.map((g) => g.querySelector('h2')!.textContent!.replace(/\d+/g, '').trim())).toEqual([
      'Fout in het dossier',
      'Te laat',
      'Binnenkort',
      'Ter info',
    ]);
    const items = screen.getAllByTestId('werkvoorraad-item');
    expect(items.map((i) => i.dataset.kind)).toEqual(['data_quality', 'provider_report_overdue', 'intake_due', 'turning18']);

    const late = items[1];
    expect(late.textContent).toContain('Te laat');
    expect(late.textContent).toContain('09-03-2025');
    expect(late.textContent).toContain('5 dagen geleden');
    expect(late.textContent).toContain('Mariam Tesfay');
    expect(late.textContent).toContain('Noordwijk');
    expect(late.textContent).toContain('Rapportage taalschool te laat');
    expect(late.textContent).toContain('Geen rapportage van Taalhuis Bollenstreek sinds 09-12-2024');
    expect(items[2].textContent).toContain('over 9 dagen');
    expect(items[2].textContent).toContain('Brede intake');
    expect(items[3].textContent).toContain('Wordt 18');
    // A consultant's own caseload does not name the consultant on every item.
    expect(late.textContent).not.toContain('Fatima de Vries');
  });

  it('shows a consultant their own caseload by default, and the whole team on request', async () => {
    const backend = signalsBackend(sampleItems());
    const calls = installIpc({ ...backend.handlers, app_state: () => appState() });
    const user = userEvent.setup();
    render(Werkvoorraad);

    await screen.findAllByTestId('werkvoorraad-item');
    const select = screen.getByTestId('werkvoorraad-consultant') as HTMLSelectElement;
    expect(select.value).toBe('Fatima de Vries');
    expect(queries(calls)[0]).toEqual({ consultant: 'Fatima de Vries', municipality: null, kinds: [], include_acknowledged: false, per_group: 50 });

    await user.selectOptions(select, '');
    await waitFor(() => expect(screen.getAllByTestId('werkvoorraad-item')).toHaveLength(5));
    expect(queries(calls).at(-1)!.consultant).toBeNull();
    expect(screen.getByText(/Yusuf Demir/).closest('li')!.textContent).toContain('Jan Jansen');
    // The colleagues of the team are now in the filter.
    expect([...select.options].map((o) => o.textContent)).toEqual(['Hele team', 'Mijn cliënten', 'Jan Jansen']);
  });

  it('shows a team lead the whole team with a consultant filter', async () => {
    app.state = appState({ identity: TEAMLEIDER });
    const backend = signalsBackend(sampleItems());
    const calls = installIpc({ ...backend.handlers, app_state: () => appState({ identity: TEAMLEIDER }) });
    const user = userEvent.setup();
    render(Werkvoorraad);

    await waitFor(() => expect(screen.getAllByTestId('werkvoorraad-item')).toHaveLength(5));
    const select = screen.getByTestId('werkvoorraad-consultant') as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(select.selectedOptions[0].textContent).toBe('Hele team');
    expect(queries(calls)[0].consultant).toBeNull();
    expect(screen.getByTestId('werkvoorraad-date').textContent).toContain('Hele team');

    await user.selectOptions(select, 'Jan Jansen');
    await waitFor(() => expect(screen.getAllByTestId('werkvoorraad-item')).toHaveLength(1));
    expect(queries(calls).at(-1)!.consultant).toBe('Jan Jansen');
  });

  it('filters by signal type, municipality and put-aside signals', async () => {
    const backend = signalsBackend(sampleItems());
    const calls = installIpc({ ...backend.handlers, app_state: () => appState() });
    const user = userEvent.setup();
    render(Werkvoorraad);
    await screen.findAllByTestId('werkvoorraad-item');

    const kind = screen.getByTestId('werkvoorraad-kind') as HTMLSelectElement;
    expect(kind.selectedOptions[0].textContent).toBe('Alle signalen');
    expect([...kind.options].some((o) => o.textContent === 'Participatieverklaring niet ondertekend')).toBe(true);
    await user.selectOptions(kind, 'provider_report_overdue');
    await waitFor(() => expect(screen.getAllByTestId('werkvoorraad-item')).toHaveLength(1));
    expect(queries(calls).at(-1)!.kinds).toEqual(['provider_report_overdue']);

    await user.selectOptions(kind, '');
    await user.selectOptions(screen.getByTestId('werkvoorraad-municipality'), 'Noordwijk');
    await waitFor(() => expect(queries(calls).at(-1)).toMatchObject({ kinds: [], municipality: 'Noordwijk' }));
    await waitFor(() => expect(screen.getAllByTestId('werkvoorraad-item')).toHaveLength(1));

    await user.selectOptions(screen.getByTestId('werkvoorraad-municipality'), '');
    await user.click(screen.getByTestId('werkvoorraad-include-acknowledged'));
    await waitFor(() => expect(screen.getAllByTestId('werkvoorraad-item')).toHaveLength(5));
    expect(queries(calls).at(-1)!.include_acknowledged).toBe(true);
    const ack = screen.getByTestId('werkvoorraad-ack');
    expect(ack.textContent).toContain('Gesnoozed tot en met 21-03-2025 door Fatima de Vries: Wacht op terugbellen');
  });

  it('opens the dossier on the signal’s tab, from the item and from its button', async () => {
    const backend = signalsBackend(sampleItems());
    installIpc({ ...backend.handlers, app_state: () => appState() });
    const user = userEvent.setup();
    render(Werkvoorraad);
    const items = await screen.findAllByTestId('werkvoorraad-item');

    await user.click(within(items[1]).getByText('Mariam Tesfay'));
    expect(router.view).toEqual({ name: 'dossier', id: 'c-2', tab: 'reports', from: 'werkvoorraad' });

    router.view = { name: 'werkvoorraad' };
    await user.click(within(items[2]).getByTestId('werkvoorraad-open'));
    expect(router.view).toEqual({ name: 'dossier', id: 'c-1', tab: 'intake', from: 'werkvoorraad' });
  });

  it('snoozes a signal with its kind and fingerprint, and asks for a reason', async () => {
    const backend = signalsBackend(sampleItems());
    const calls = installIpc({ ...backend.handlers, app_state: () => appState() });
    const user = userEvent.setup();
    render(Werkvoorraad);
    let items = await screen.findAllByTestId('werkvoorraad-item');

    await user.click(within(items[2]).getByTestId('werkvoorraad-snooze'));
    const until = screen.getByTestId('ack-until') as HTMLInputElement;
    expect(until.value).toBe('2025-03-21'); // a week from today
    expect((screen.getByTestId('ack-mode-snooze') as HTMLInputElement).checked).toBe(true);

    // No reason: stopped at the field, nothing sent.
    await user.click(screen.getByTestId('ack-save'));
    expect(screen.getByTestId('field-error').textContent).toBe('Reden is verplicht');
    expect(calls.some((c) => c.cmd === 'acknowledge_signal')).toBe(false);

    // A date in the past: the backend's error at the date.
    await user.clear(until);
    await user.type(until, '2025-03-01');
    await user.type(screen.getByTestId('ack-reason'), 'Intake gepland op 20-03');
    await user.click(screen.getByTestId('ack-save'));
    await waitFor(() => expect(screen.getByTestId('field-error').textContent).toBe('Datum ligt in het verleden'));

    await user.clear(until);
    await user.type(until, '2025-03-28');
    await user.click(screen.getByTestId('ack-save'));
    await waitFor(() => expect(screen.getAllByTestId('werkvoorraad-item')).toHaveLength(3));
    const sent = calls.filter((c) => c.cmd === 'acknowledge_signal').at(-1)!;
    expect(sent.args.clientId).toBe('c-1');
    expect(sent.args.input as AckInput).toEqual({
      kind: 'intake_due',
      fingerprint: 'i1',
      until: '2025-03-28',
      reason: 'Intake gepland op 20-03',
    });
    expect(screen.getByTestId('werkvoorraad-counts').textContent).toContain('2 opzij gelegd');
    items = screen.getAllByTestId('werkvoorraad-item');
    expect(items.map((i) => i.dataset.kind)).not.toContain('intake_due');
    // The status bar's pending changes are reloaded after the save.
    expect(calls.some((c) => c.cmd === 'app_state')).toBe(true);
  });

  it('acknowledges a signal without a date', async () => {
    const backend = signalsBackend(sampleItems());
    const calls = installIpc({ ...backend.handlers, app_state: () => appState() });
    const user = userEvent.setup();
    render(Werkvoorraad);
    const items = await screen.findAllByTestId('werkvoorraad-item');

    await user.click(within(items[0]).getByTestId('werkvoorraad-snooze'));
    await user.click(screen.getByTestId('ack-mode-done'));
    await user.type(screen.getByTestId('ack-reason'), 'Kennisgeving opgevraagd bij DUO');
    await user.click(screen.getByTestId('ack-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'acknowledge_signal')).toBe(true));
    expect(calls.find((c) => c.cmd === 'acknowledge_signal')!.args.input).toEqual({
      kind: 'data_quality',
      fingerprint: 'd1',
      until: null,
      reason: 'Kennisgeving opgevraagd bij DUO',
    });

    await user.click(screen.getByTestId('werkvoorraad-include-acknowledged'));
    await waitFor(() => expect(screen.getAllByTestId('werkvoorraad-ack')).toHaveLength(2));
    expect(screen.getAllByTestId('werkvoorraad-ack')[0].textContent).toContain(
      'Afgehandeld door Fatima de Vries op 14-03-2025: Kennisgeving opgevraagd bij DUO',
    );
  });

  it('asks the backend for the first 50 items of each group, and 200 more per click', async () => {
    const many = (severity: 'warning' | 'info', n: number) =>
      Array.from({ length: n }, (_, i) =>
        workItem({
          client_id: `${severity}-${i}`,
          client_name: `Cliënt ${String(i).padStart(4, '0')}`,
          signal: { severity, kind: severity === 'info' ? 'turning18' : 'intake_due', fingerprint: `f${i}` },
        }),
      );
    const backend = signalsBackend([...many('warning', 1400), ...many('info', 220)]);
    const calls = installIpc({ ...backend.handlers, app_state: () => appState() });
    const user = userEvent.setup();
    render(Werkvoorraad);

    await waitFor(() => expect(screen.getAllByTestId('werkvoorraad-item')).toHaveLength(100));
    expect(queries(calls).at(-1)!.per_group).toBe(50);
    const [warning, info] = screen.getAllByTestId('werkvoorraad-group');
    const shown = (group: HTMLElement) => within(group).queryAllByTestId('werkvoorraad-item').length;
    // The headers count every item, the Dutch way.
    expect(warning.querySelector('.group-count')!.textContent).toBe('1.400');
    expect(info.querySelector('.group-count')!.textContent).toBe('220');
    expect(shown(warning)).toBe(50);
    expect(shown(info)).toBe(50);
    expect(within(warning).getByTestId('werkvoorraad-more').textContent!.trim()).toBe('Toon nog 200 (nog 1.350)');
    expect(within(info).getByTestId('werkvoorraad-more').textContent!.trim()).toBe('Toon nog 170 (nog 170)');

    await user.click(within(warning).getByTestId('werkvoorraad-more'));
    await waitFor(() => expect(shown(warning)).toBe(250));
    expect(queries(calls).at(-1)!.per_group).toBe(250);
    expect(shown(info)).toBe(50);
    expect(within(warning).getByTestId('werkvoorraad-more').textContent!.trim()).toBe('Toon nog 200 (nog 1.150)');

    // The items are there already: no new request.
    const asked = queries(calls).length;
    await user.click(within(info).getByTestId('werkvoorraad-more'));
    expect(shown(info)).toBe(220);
    expect(queries(calls)).toHaveLength(asked);
    expect(within(info).queryByTestId('werkvoorraad-more')).toBeNull();
    expect(within(info).getAllByTestId('werkvoorraad-item').at(-1)!.textContent).toContain('Cliënt 0219');

    // Another query starts at 50 per group again.
    await user.selectOptions(screen.getByTestId('werkvoorraad-municipality'), 'Lisse');
    await waitFor(() => expect(queries(calls).at(-1)!.municipality).toBe('Lisse'));
    expect(queries(calls).at(-1)!.per_group).toBe(50);
    await waitFor(() => expect(screen.getAllByTestId('werkvoorraad-item')).toHaveLength(100));
    expect(screen.getAllByTestId('werkvoorraad-more')).toHaveLength(2);
  });

  it('says when nothing needs doing', async () => {
    installIpc({ ...signalsBackend([]).handlers, app_state: () => appState() });
    render(Werkvoorraad);
    expect((await screen.findByTestId('werkvoorraad-empty')).textContent).toContain('Geen signalen — alles is bij.');
  });

  it('shows an error when the werkvoorraad cannot be loaded', async () => {
    installIpc({ werkvoorraad: () => Promise.reject({ code: 'internal', message: 'Database vergrendeld', fields: [] }) });
    render(Werkvoorraad);
    expect((await screen.findByRole('alert')).textContent).toContain('De werkvoorraad kon niet worden geladen.');
  });
});

describe('Werkvoorraad in the app', () => {
  beforeEach(() => {
    app.state = null;
    app.error = null;
    app.loading = true;
    router.view = { name: 'werkvoorraad' };
    resetWerkvoorraadState();
    resetSignals();
    resetCaseloadState();
  });

  it('opens on the Werkvoorraad with the urgent count in the navigation', async () => {
    const backend = signalsBackend(sampleItems());
    installIpc({ ...backend.handlers, app_state: () => appState(), caseload: () => [] });
    const user = userEvent.setup();
    render(App);

    await screen.findAllByTestId('werkvoorraad-item');
    const nav = screen.getByTestId('nav-werkvoorraad');
    expect(nav.getAttribute('aria-current')).toBe('page');
    const count = await screen.findByTestId('nav-werkvoorraad-count');
    // error + overdue + warning; info and the snoozed one do not count.
    expect(count.textContent).toBe('3');
    expect(count.classList.contains('alarm')).toBe(true);

    // Elsewhere in the app the count is loaded by the navigation itself.
    await user.click(screen.getByTestId('nav-caseload'));
    await screen.findByTestId('caseload-count');
    expect(screen.getByTestId('nav-werkvoorraad-count').textContent).toBe('3');
  });

  it('loads the count for a team lead over the whole team', async () => {
    router.view = { name: 'caseload' };
    const backend = signalsBackend(sampleItems());
    const calls = installIpc({
      ...backend.handlers,
      app_state: () => appState({ identity: TEAMLEIDER }),
      caseload: () => [],
    });
    render(App);
    await waitFor(() => expect(screen.getByTestId('nav-werkvoorraad-count').textContent).toBe('4'));
    expect(queries(calls)[0]).toEqual({ consultant: null, municipality: null, kinds: [], include_acknowledged: false, per_group: 0 });
  });

  it('opens the dossier on the signal’s tab, and goes back to the Werkvoorraad', async () => {
    const backend = signalsBackend(sampleItems());
    installIpc({
      ...backend.handlers,
      app_state: () => appState(),
      open_dossier: (args) => ({
        client: client({ id: args.id as string, given_name: 'Ahmed', family_name: 'Haddad' }),
        bsn_masked: null,
        contact_attempts: [],
        notes: [],
        pip: pipOverview(),
        signals: backend.clientItems(args.id as string),
      }),
    });
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByTestId('werkvoorraad-include-acknowledged'));
    await waitFor(() => expect(screen.getAllByTestId('werkvoorraad-item')).toHaveLength(5));
    const noContact = screen.getAllByTestId('werkvoorraad-item').find((i) => i.dataset.kind === 'no_contact')!;
    await user.click(within(noContact).getByTestId('werkvoorraad-open'));

    expect(await screen.findByTestId('dossier-name')).toBeTruthy();
    expect(screen.getByTestId('tab-contacts').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('tab-overview').getAttribute('aria-selected')).toBe('false');
    expect(screen.getByTestId('nav-werkvoorraad').getAttribute('aria-current')).toBe('page');

    await user.click(screen.getByTestId('back-to-werkvoorraad'));
    expect(await screen.findByRole('heading', { name: 'Werkvoorraad' })).toBeTruthy();
    // The filters survive the visit to the dossier.
    expect((screen.getByTestId('werkvoorraad-include-acknowledged') as HTMLInputElement).checked).toBe(true);
  });
});
