import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Dossier from './Dossier.svelte';
import { app } from '../lib/app.svelte';
import { router } from '../shell/router.svelte';
import { appState, client, installIpc } from '../test/ipc';
import { portfolioView } from '../test/hours';
import { adoptedOverview, pipOverview, termijnView } from '../test/pip';
import { trajectoryBackend } from '../test/trajectory';
import { auditBackend, auditRow } from '../test/audit';
import type { ContactAttemptInput, Dossier as DossierT, NoteInput } from '../api';

function dossier(overrides: Partial<DossierT> = {}): DossierT {
  return {
    client: client({ id: 'c-1', bsn: null }),
    bsn_masked: '*****6782',
    contact_attempts: [
      {
        id: 'a1',
        client_id: 'c-1',
        recorded_by: 'Fatima de Vries',
        recorded_at: '2025-03-02T10:00:00Z',
        date: '2025-03-02',
        channel: 'telefoon',
        outcome: 'voicemail_ingesproken',
        note: 'Terugbellen',
      },
    ],
    notes: [
      { id: 'n1', client_id: 'c-1', text: 'Oudste notitie', author: 'Fatima de Vries', created_at: '2025-03-01T09:00:00Z' },
      { id: 'n2', client_id: 'c-1', text: 'Nieuwste notitie', author: 'Jan Jansen', created_at: '2025-03-05T09:00:00Z' },
    ],
    pip: pipOverview(),
    signals: [],
    ...overrides,
  };
}

describe('Dossier', () => {
  beforeEach(() => {
    app.state = appState();
    router.view = { name: 'dossier', id: 'c-1' };
  });

  it('shows the header and the overview with Dutch labels and dates', async () => {
    installIpc({ open_dossier: () => dossier() });
    render(Dossier, { props: { id: 'c-1' } });

    expect((await screen.findByTestId('dossier-name')).textContent).toBe('Ahmed Haddad');
    expect(screen.getByTestId('dossier-bsn').textContent).toBe('*****6782');
    expect(screen.getAllByText('Intake').length).toBeGreaterThan(0);
    const birth = document.querySelector('[data-field="birth_date"]')!;
    expect(birth.textContent).toContain('Geboortedatum');
    expect(birth.textContent).toContain('01-05-1990');
    expect(document.querySelector('[data-field="email"]')!.textContent).toContain('—');
  });

  it('shows the audit trail in Dutch, filtered by user and action', async () => {
    const backend = auditBackend([
      auditRow({ at: '2025-03-03T08:00:00Z', action: 'update', changes: [{ field: 'status', old: 'aangemeld', new: 'intake' }] }),
      auditRow({ at: '2025-03-04T08:00:00Z', action: 'read' }),
      auditRow({ at: '2025-03-05T08:00:00Z', action: 'reveal', actor: 'Jan Jansen', changes: [{ field: 'bsn', old: null, new: '*****6782' }] }),
      auditRow({ at: '2025-03-06T08:00:00Z', client_id: 'c-2', client_name: 'Lina Rahimi' }),
    ]);
    installIpc({ open_dossier: () => dossier(), ...backend.handlers });
    const user = userEvent.setup();
    render(Dossier, { props: { id: 'c-1' } });
    await user.click(await screen.findByTestId('tab-audit'));
    const table = await screen.findByTestId('audit-table');
    expect(backend.queries[0].client_id).toBe('c-1');
    expect(screen.getAllByTestId('audit-row').map((r) => r.dataset.action)).toEqual(['reveal', 'read', 'update']);
    expect(table.textContent).toContain('Gewijzigd');
    expect(table.textContent).toContain('Ingezien');
    expect(table.textContent).toContain('BSN bekeken');
    expect(table.textContent).toMatch(/Status:\s*Aangemeld\s*→\s*Intake/);
    expect(table.textContent).toMatch(/Weergave:\s*dossier/);
    expect(table.textContent).not.toContain('Lina Rahimi');
    expect(screen.queryByText('Dossier', { selector: 'th' })).toBeNull();

    await user.selectOptions(await screen.findByTestId('dossier-audit-actor'), 'Jan Jansen');
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    expect(backend.queries.at(-1)).toMatchObject({ client_id: 'c-1', actor: 'Jan Jansen' });
    await user.selectOptions(screen.getByTestId('dossier-audit-actor'), '');
    await user.selectOptions(screen.getByTestId('dossier-audit-action'), 'update');
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    expect(screen.getByTestId('audit-row').dataset.action).toBe('update');
  });

  it('shows the whole BSN only when asked, and forgets it when the dossier closes', async () => {
    const calls = installIpc({ open_dossier: () => dossier(), reveal_bsn: () => '123456782' });
    const user = userEvent.setup();
    const first = render(Dossier, { props: { id: 'c-1' } });
    expect((await screen.findByTestId('dossier-bsn')).textContent).toBe('*****6782');
    expect(calls.some((c) => c.cmd === 'reveal_bsn')).toBe(false);

    await user.click(screen.getByTestId('reveal-bsn'));
    await waitFor(() => expect(screen.getByTestId('dossier-bsn').textContent).toBe('123456782'));
    expect(calls.find((c) => c.cmd === 'reveal_bsn')!.args).toEqual({ clientId: 'c-1' });
    expect(document.querySelector('[data-field="bsn"]')!.textContent).toContain('123456782');

    await user.click(screen.getByTestId('hide-bsn'));
    expect(screen.getByTestId('dossier-bsn').textContent).toBe('*****6782');
    await user.click(screen.getByTestId('reveal-bsn'));
    await waitFor(() => expect(screen.getByTestId('dossier-bsn').textContent).toBe('123456782'));
    expect(calls.filter((c) => c.cmd === 'reveal_bsn')).toHaveLength(2);

    // Navigating away closes the dossier; opening it again shows the mask.
    first.unmount();
    render(Dossier, { props: { id: 'c-1' } });
    expect((await screen.findByTestId('dossier-bsn')).textContent).toBe('*****6782');
  });

  it('shows a reveal in the open Audit tab at once', async () => {
    const rows = [auditRow({ at: '2025-03-04T08:00:00Z', action: 'read' })];
    const backend = auditBackend(rows);
    installIpc({
      open_dossier: () => dossier(),
      ...backend.handlers,
      reveal_bsn: () => {
        rows.push(auditRow({ at: '2025-03-14T10:00:00Z', action: 'reveal', changes: [{ field: 'bsn', old: null, new: '*****6782' }] }));
        return '123456782';
      },
    });
    const user = userEvent.setup();
    render(Dossier, { props: { id: 'c-1' } });
    await user.click(await screen.findByTestId('tab-audit'));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    await user.click(screen.getByTestId('reveal-bsn'));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(2));
    expect(screen.getAllByTestId('audit-row')[0].textContent).toContain('BSN bekeken');
  });

  it('offers no reveal without a BSN', async () => {
    installIpc({
      open_dossier: () => ({ ...dossier(), bsn_masked: null }),
    });
    render(Dossier, { props: { id: 'c-1' } });
    expect((await screen.findByTestId('dossier-bsn')).textContent).toBe('—');
    expect(screen.queryByTestId('reveal-bsn')).toBeNull();
  });

  it('names why the BSN could not be shown', async () => {
    installIpc({
      open_dossier: () => dossier(),
      reveal_bsn: () => Promise.reject({ code: 'not_found', message: 'cliënt c-1 bestaat niet', fields: [] }),
    });
    const user = userEvent.setup();
    render(Dossier, { props: { id: 'c-1' } });
    await user.click(await screen.findByTestId('reveal-bsn'));
    expect((await screen.findByTestId('reveal-bsn-error')).textContent).toContain('cliënt c-1 bestaat niet');
    expect(screen.getByTestId('dossier-bsn').textContent).toBe('*****6782');
  });

  it('exports the inzage and offers to open the document', async () => {
    const saved = {
      json: { path: '/home/test/documents/inzage/inzage-Haddad-2025-03-14.json' },
      html: { path: '/home/test/documents/inzage/inzage-Haddad-2025-03-14.html' },
    };
    const calls = installIpc({ open_dossier: () => dossier(), export_dossier: () => saved, open_document: () => null });
    const user = userEvent.setup();
    render(Dossier, { props: { id: 'c-1' } });
    const button = await screen.findByTestId('export-inzage');
    expect(button.textContent?.trim()).toBe('Inzage exporteren');
    await user.click(button);
    const result = await screen.findByTestId('inzage-saved');
    expect(calls.find((c) => c.cmd === 'export_dossier')!.args).toEqual({ clientId: 'c-1' });
    expect(result.textContent).toContain('Inzage geëxporteerd.');
    expect(screen.getByTestId('inzage-html').textContent).toBe(saved.html.path);
    expect(screen.getByTestId('inzage-json').textContent).toBe(saved.json.path);
    await user.click(screen.getByTestId('inzage-open'));
    expect(calls.find((c) => c.cmd === 'open_document')!.args).toEqual({ path: saved.html.path });
    await user.click(screen.getByRole('button', { name: 'Melding sluiten' }));
    expect(screen.queryByTestId('inzage-saved')).toBeNull();
  });

  it('names why the inzage could not be exported', async () => {
    installIpc({
      open_dossier: () => dossier(),
      export_dossier: () => Promise.reject({ code: 'internal', message: 'de map is niet beschrijfbaar', fields: [] }),
    });
    const user = userEvent.setup();
    render(Dossier, { props: { id: 'c-1' } });
    await user.click(await screen.findByTestId('export-inzage'));
    const error = await screen.findByTestId('inzage-error');
    expect(error.textContent).toContain('De inzage kon niet worden geëxporteerd.');
    expect(error.textContent).toContain('de map is niet beschrijfbaar');
    expect((screen.getByTestId('export-inzage') as HTMLButtonElement).disabled).toBe(false);
  });

  it('adds a contact attempt with today as default date and reloads', async () => {
    let d = dossier();
    const calls = installIpc({
      open_dossier: () => d,
      app_state: () => appState(),
      add_contact_attempt: (args) => {
        const input = args.input as ContactAttemptInput;
        const attempt = { id: 'a2', client_id: 'c-1', recorded_by: 'Fatima de Vries', recorded_at: '2025-03-14T10:00:00Z', ...input };
        d = { ...d, contact_attempts: [...d.contact_attempts, attempt] };
        return attempt;
      },
    });
    const user = userEvent.setup();
    render(Dossier, { props: { id: 'c-1' } });
    await user.click(await screen.findByTestId('tab-contacts'));
    expect((screen.getByLabelText('Datum') as HTMLInputElement).value).toBe('2025-03-14');
    await user.selectOptions(screen.getByLabelText('Kanaal'), 'huisbezoek');
    await user.selectOptions(screen.getByLabelText('Uitkomst'), 'afspraak_gemaakt');
    await user.type(screen.getByLabelText('Notitie'), 'Intake gepland');
    await user.click(screen.getByTestId('add-contact-attempt'));

    await waitFor(() => expect(screen.getByTestId('contact-table').querySelectorAll('tbody tr')).toHaveLength(2));
    expect(calls.find((c) => c.cmd === 'add_contact_attempt')!.args).toEqual({
      clientId: 'c-1',
      input: { date: '2025-03-14', channel: 'huisbezoek', outcome: 'afspraak_gemaakt', note: 'Intake gepland' },
    });
    const first = screen.getByTestId('contact-table').querySelector('tbody tr')!;
    expect(first.textContent).toContain('14-03-2025');
    expect(first.textContent).toContain('Huisbezoek');
    expect(first.textContent).toContain('Afspraak gemaakt');
    expect(calls.filter((c) => c.cmd === 'open_dossier')).toHaveLength(2);
  });

  it('lists notes newest first and adds a note', async () => {
    let d = dossier();
    const calls = installIpc({
      open_dossier: () => d,
      app_state: () => appState(),
      add_note: (args) => {
        const note = { id: 'n3', client_id: 'c-1', text: (args.input as NoteInput).text, author: 'Fatima de Vries', created_at: '2025-03-14T11:00:00Z' };
        d = { ...d, notes: [...d.notes, note] };
        return note;
      },
    });
    const user = userEvent.setup();
    render(Dossier, { props: { id: 'c-1' } });
    await user.click(await screen.findByTestId('tab-notes'));
    let items = within(screen.getByTestId('notes-list')).getAllByRole('listitem');
    expect(items[0].textContent).toContain('Nieuwste notitie');
    expect(items[1].textContent).toContain('Oudste notitie');

    await user.type(screen.getByLabelText('Nieuwe notitie'), 'Belafspraak bevestigd');
    await user.click(screen.getByRole('button', { name: 'Notitie toevoegen' }));
    await waitFor(() => {
      items = within(screen.getByTestId('notes-list')).getAllByRole('listitem');
      expect(items).toHaveLength(3);
    });
    expect(items[0].textContent).toContain('Belafspraak bevestigd');
    expect(calls.find((c) => c.cmd === 'add_note')!.args).toEqual({ clientId: 'c-1', input: { text: 'Belafspraak bevestigd' } });
  });

  it('has the Brede intake and PIP en termijn tabs between Overzicht and Contactpogingen', async () => {
    installIpc({ open_dossier: () => dossier(), client_intakes: () => [], pip_overview: () => pipOverview() });
    const user = userEvent.setup();
    render(Dossier, { props: { id: 'c-1' } });
    const tabs = (await screen.findAllByRole('tab')).map((t) => t.textContent?.trim());
    expect(tabs.slice(0, 4)).toEqual([
      'Overzicht',
      'Brede intake',
      'PIP en termijn',
      expect.stringContaining('Contactpogingen'),
    ]);
    await user.click(screen.getByTestId('tab-intake'));
    expect((await screen.findByTestId('start-intake')).textContent).toContain('Brede intake starten');
  });

  it('has tabs for hours, absences, reports and exams that load the portfolio', async () => {
    const calls = installIpc({ open_dossier: () => dossier(), client_portfolio: () => portfolioView() });
    const user = userEvent.setup();
    render(Dossier, { props: { id: 'c-1' } });
    const tabs = (await screen.findAllByRole('tab')).map((t) => t.textContent?.trim());
    expect(tabs).toEqual(expect.arrayContaining(['Uren en portfolio', 'Verzuim', 'Rapportages', 'Examens']));
    await user.click(screen.getByTestId('tab-portfolio'));
    expect(await screen.findByTestId('portfolio-line-taal')).toBeTruthy();
    expect(calls.find((c) => c.cmd === 'client_portfolio')!.args).toEqual({ clientId: 'c-1', route: null });
    await user.click(screen.getByTestId('tab-exams'));
    expect(await screen.findByTestId('exam-form')).toBeTruthy();
  });

  it('has the trajectory tabs after Examens, and closing the dossier refreshes its status', async () => {
    let d = dossier();
    const backend = trajectoryBackend();
    const calls = installIpc({
      ...backend.handlers,
      open_dossier: () => d,
      app_state: () => appState(),
      add_trajectory_record: (args) => {
        const view = backend.handlers.add_trajectory_record(args);
        d = { ...d, client: { ...d.client, status: 'verhuisd' } };
        return view;
      },
    });
    const user = userEvent.setup();
    render(Dossier, { props: { id: 'c-1' } });
    const tabs = (await screen.findAllByRole('tab')).map((t) => t.textContent?.replace(/\s+/g, ' ').trim());
    expect(tabs.slice(8)).toEqual(['Examens', 'Voortgang', 'Handhaving', 'Ondersteuning', 'Werk', 'Afsluiting', 'Audit']);

    for (const tab of ['voortgang', 'handhaving', 'ondersteuning', 'werk']) {
      await user.click(screen.getByTestId(`tab-${tab}`));
      expect(await screen.findByTestId(tab)).toBeTruthy();
    }
    await user.click(screen.getByTestId('tab-afsluiting'));
    await user.click(await screen.findByTestId('closing-new'));
    await user.selectOptions(screen.getByTestId('closing-reason'), 'verhuisd');
    await user.click(screen.getByTestId('closing-save'));

    await waitFor(() => expect(screen.getAllByText('Verhuisd').length).toBeGreaterThan(1));
    expect(await screen.findByTestId('closing-retention')).toBeTruthy();
    expect(calls.filter((c) => c.cmd === 'open_dossier')).toHaveLength(2);
    // One load per tab opened; the write answered with the fresh view.
    expect(calls.filter((c) => c.cmd === 'trajectory')).toHaveLength(5);
  });

  it('shows the termijn end in the header and the timeline in the overview', async () => {
    const calls = installIpc({
      open_dossier: () =>
        dossier({
          pip: adoptedOverview({
          timeline: [
            { date: '2024-01-10', kind: 'registratie', label: 'Inschrijving BRP', upcoming: false },
            { date: '2024-03-15', kind: 'pip', label: 'PIP versie 1 vastgesteld: B1-route', upcoming: false },
            { date: '2024-03-16', kind: 'termijn_start', label: 'Start inburgeringstermijn', upcoming: false },
              { date: '2027-03-16', kind: 'termijn_einde', label: 'Einde inburgeringstermijn', upcoming: true },
            ],
          }),
        }),
    });
    render(Dossier, { props: { id: 'c-1' } });

    const end = await screen.findByTestId('header-termijn-end');
    expect(end.textContent?.replace(/\s+/g, ' ').trim()).toBe('Termijn tot 16-03-2027');
    expect(screen.getByTestId('header-termijn').textContent).toContain('nog 732 dagen');
    // One command opens the dossier: the PIP overview and the signals come with it.
    expect(calls.filter((c) => c.cmd !== 'lock_state').map((c) => [c.cmd, c.args])).toEqual([['open_dossier', { id: 'c-1' }]]);

    const events = within(screen.getByTestId('timeline')).getAllByTestId('timeline-event');
    expect(events.map((e) => e.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '10-01-2024 Inschrijving BRP',
      '15-03-2024 PIP versie 1 vastgesteld: B1-route',
      '16-03-2024 Start inburgeringstermijn',
      '16-03-2027 Einde inburgeringstermijn',
    ]);
    expect(events[3].classList.contains('upcoming')).toBe(true);
    expect(events[2].classList.contains('upcoming')).toBe(false);
    // Today sits between what happened and what is to come.
    expect(screen.getByTestId('timeline').textContent).toContain('Vandaag');
  });

  it('shows the first PIP deadline in the header until the termijn starts, and opens the PIP tab', async () => {
    const overview = pipOverview({ termijn: termijnView({ first_pip_deadline: '2025-03-21' }) });
    installIpc({ open_dossier: () => dossier({ pip: overview }), pip_overview: () => overview });
    const user = userEvent.setup();
    render(Dossier, { props: { id: 'c-1' } });
    const deadline = await screen.findByTestId('header-pip-deadline');
    expect(deadline.textContent?.replace(/\s+/g, ' ').trim()).toBe('Eerste PIP uiterlijk 21-03-2025 nog 7 dagen');
    expect(screen.queryByTestId('header-termijn-end')).toBeNull();
    await user.click(screen.getByTestId('tab-pip'));
    expect(await screen.findByTestId('pip-deadline')).toBeTruthy();
    expect(screen.getByTestId('pip-draft').textContent).toContain('PIP opstellen');
  });

  it('opens the edit form via Bewerken and goes back to the caseload', async () => {
    installIpc({ open_dossier: () => dossier() });
    const user = userEvent.setup();
    render(Dossier, { props: { id: 'c-1' } });
    await user.click(await screen.findByTestId('edit-client'));
    expect(router.view).toEqual({ name: 'edit', id: 'c-1' });
    await user.click(screen.getByTestId('back-to-caseload'));
    expect(router.view).toEqual({ name: 'caseload' });
  });
});
