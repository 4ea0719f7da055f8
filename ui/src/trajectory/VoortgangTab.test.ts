// The Voortgang tab: progress conversations, PVT and MAP.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import VoortgangTab from './VoortgangTab.svelte';
import { app } from '../lib/app.svelte';
import { appState, client, installIpc } from '../test/ipc';
import { conversation, fieldError, invalid, stored, text, trajectoryBackend } from '../test/trajectory';

const CLIENT = client({ id: 'c-1' });

describe('Voortgang', () => {
  beforeEach(() => {
    app.state = appState();
  });

  it('shows conversations newest first, with who entered and changed them, and the PVT and MAP state', async () => {
    const backend = trajectoryBackend({
      conversations: [
        stored(conversation({ date: '2024-12-02', next_date: '2025-02-03', notes: 'Eerste gesprek' }), {
          updated_by: 'Jan Jansen',
          updated_at: '2025-01-10T09:00:00Z',
        }),
        stored(conversation()),
      ],
      pvt_quarters: 14,
      map_themes: [stored({ theme: 'werkcompetenties', date: '2025-02-20', note: null })],
      map_practice_quarters: 64,
      map_exemption: 'gedeeltelijk',
      map_exemption_reason: 'Werkt al 32 uur per week',
    });
    const calls = installIpc(backend.handlers);
    render(VoortgangTab, { props: { client: CLIENT } });

    const items = await screen.findAllByTestId('conversation-item');
    expect(items).toHaveLength(2);
    expect(text(items[0])).toContain('03-02-2025');
    expect(text(items[0])).toContain('Gaat goed met de taalles');
    expect(text(items[0])).toContain('Stage zoeken via het Werkbedrijf');
    expect(text(items[0])).toContain('Volgend gesprek gepland op 05-05-2025');
    expect(text(items[0])).toContain('Vastgelegd door Fatima de Vries op 10-03-2025');
    expect(text(items[0])).not.toContain('gewijzigd');
    expect(text(items[1])).toContain('gewijzigd door Jan Jansen op 10-01-2025');

    expect(text(screen.getByTestId('pvt-hours'))).toBe('PVT-uren 3,5 / 12 uur');
    expect(screen.getByTestId('pvt-statement-new')).toBeTruthy();
    expect(text(screen.getByTestId('map-exemption'))).toBe('Ontheffing MAP in het PIP: gedeeltelijk Werkt al 32 uur per week');
    expect(text(screen.getByTestId('map-theme-count'))).toBe("1 van 8 thema's afgerond");
    expect(text(screen.getByTestId('map-practice-hours'))).toBe('MAP-praktijk 16 / 40 uur');
    const themes = screen.getAllByTestId('map-theme-item');
    expect(themes.map((t) => t.dataset.theme)).toEqual([
      'beroepsorientatie',
      'werkcompetenties',
      'realistisch_beroepsbeeld',
      'beroepsmogelijkheden',
      'verwerven_beroepscompetenties',
      'netwerk_opbouwen',
      'werk_vinden',
      'werkcultuur',
    ]);
    expect(text(themes[1])).toContain('Werkcompetenties afgerond op 20-02-2025');
    expect(within(themes[1]).queryByTestId('map-theme-new')).toBeNull();
    expect(within(themes[0]).getByTestId('map-theme-new')).toBeTruthy();
    expect(calls.filter((c) => c.cmd === 'trajectory')).toEqual([{ cmd: 'trajectory', args: { clientId: 'c-1' } }]);
  });

  it('adds a conversation and shows it with who entered it', async () => {
    const backend = trajectoryBackend();
    const calls = installIpc(backend.handlers);
    let changed = 0;
    const user = userEvent.setup();
    render(VoortgangTab, { props: { client: CLIENT, onchanged: () => void (changed += 1) } });

    await user.click(await screen.findByTestId('conversation-new'));
    expect((screen.getByTestId('conversation-date') as HTMLInputElement).value).toBe('2025-03-14');
    await user.type(screen.getByTestId('conversation-attendees'), 'Partner');
    await user.type(screen.getByTestId('conversation-interpreter'), 'Tolkentelefoon');
    await user.type(screen.getByTestId('conversation-notes'), 'Loopt goed');
    await user.type(screen.getByTestId('conversation-next-date'), '2025-06-02');
    await user.click(screen.getByTestId('conversation-save'));

    const item = await screen.findByTestId('conversation-item');
    expect(calls.find((c) => c.cmd === 'add_trajectory_record')!.args).toEqual({
      clientId: 'c-1',
      input: {
        kind: 'conversation',
        record: {
          date: '2025-03-14',
          attendees: 'Partner',
          interpreter: 'Tolkentelefoon',
          notes: 'Loopt goed',
          agreements: null,
          next_date: '2025-06-02',
        },
      },
    });
    expect(text(item)).toContain('Loopt goed');
    expect(text(item)).toContain('Volgend gesprek gepland op 02-06-2025');
    expect(text(item)).toContain('Vastgelegd door Fatima de Vries op 14-03-2025');
    expect(screen.queryByTestId('conversation-form')).toBeNull();
    // The write answered with the fresh view: no second load.
    expect(calls.filter((c) => c.cmd === 'trajectory')).toHaveLength(1);
    expect(changed).toBe(1);
  });

  it('shows a validation error at its field and keeps the form', async () => {
    const backend = trajectoryBackend({}, (input) =>
      input.kind === 'conversation' ? invalid('next_date', 'after_conversation', 'moet na de datum van dit gesprek liggen') : null,
    );
    installIpc(backend.handlers);
    const user = userEvent.setup();
    render(VoortgangTab, { props: { client: CLIENT } });

    await user.click(await screen.findByTestId('conversation-new'));
    await user.type(screen.getByTestId('conversation-notes'), 'Kort gesprek');
    await user.type(screen.getByTestId('conversation-next-date'), '2025-03-01');
    await user.click(screen.getByTestId('conversation-save'));

    await waitFor(() =>
      expect(fieldError('conversation-next-date')).toBe('Volgend gesprek gepland moet na de datum van dit gesprek liggen'),
    );
    expect(screen.getByTestId('conversation-next-date').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('conversation-form')).toBeTruthy();
    expect(screen.queryByTestId('conversation-item')).toBeNull();
  });

  it('changes a conversation with an update of that record', async () => {
    const first = stored(conversation());
    const backend = trajectoryBackend({ conversations: [first] });
    const calls = installIpc(backend.handlers);
    const user = userEvent.setup();
    render(VoortgangTab, { props: { client: CLIENT } });

    await user.click(await screen.findByTestId('conversation-edit'));
    const agreements = screen.getByTestId('conversation-agreements') as HTMLTextAreaElement;
    expect(agreements.value).toBe('Stage zoeken via het Werkbedrijf');
    await user.clear(agreements);
    await user.type(agreements, 'Cv maken');
    await user.click(screen.getByTestId('conversation-save'));

    await waitFor(() => expect(text(screen.getByTestId('conversation-item'))).toContain('gewijzigd door Jan Jansen'));
    const update = calls.find((c) => c.cmd === 'update_trajectory_record')!.args;
    expect(update.clientId).toBe('c-1');
    expect(update.recordId).toBe(first.id);
    expect(update.input).toEqual({ kind: 'conversation', record: { ...conversation(), agreements: 'Cv maken' } });
  });

  it('records a PVT meeting in quarter hours and the signing of the statement', async () => {
    const backend = trajectoryBackend();
    const calls = installIpc(backend.handlers);
    const user = userEvent.setup();
    render(VoortgangTab, { props: { client: CLIENT } });

    await user.click(await screen.findByTestId('pvt-meeting-new'));
    expect(screen.getByTestId('pvt-meeting-form').textContent).toContain('De uren komen ook in het urenoverzicht (PVT)');
    await user.type(screen.getByTestId('pvt-meeting-quarters'), '1,3');
    await user.click(screen.getByTestId('pvt-meeting-save'));
    expect(fieldError('pvt-meeting-quarters')).toBe('Vul uren in per kwartier, bijv. 1,5');
    expect(calls.some((c) => c.cmd === 'add_trajectory_record')).toBe(false);

    await user.clear(screen.getByTestId('pvt-meeting-quarters'));
    await user.type(screen.getByTestId('pvt-meeting-quarters'), '1,5');
    await user.selectOptions(screen.getByTestId('pvt-meeting-topic'), 'solidariteit');
    await user.click(screen.getByTestId('pvt-meeting-save'));
    const meeting = await screen.findByTestId('pvt-meeting-item');
    expect(text(meeting)).toContain('14-03-2025 1,5 uur Solidariteit');
    expect(calls.find((c) => c.cmd === 'add_trajectory_record')!.args.input).toEqual({
      kind: 'pvt_meeting',
      record: { date: '2025-03-14', quarters: 6, topic: 'solidariteit', note: null },
    });
    expect(text(screen.getByTestId('pvt-hours'))).toBe('PVT-uren 1,5 / 12 uur');
    // A meeting is fixed once saved.
    expect(within(meeting).queryByRole('button')).toBeNull();

    await user.click(screen.getByTestId('pvt-statement-new'));
    await user.clear(screen.getByTestId('pvt-statement-signed-on'));
    await user.type(screen.getByTestId('pvt-statement-signed-on'), '2025-03-12');
    await user.click(screen.getByTestId('pvt-statement-save'));
    expect(text(await screen.findByTestId('pvt-statement-item'))).toContain('Participatieverklaring ondertekend op 12-03-2025');
    expect(screen.getByTestId('pvt-statement-edit')).toBeTruthy();
  });

  it('marks a MAP theme as done, and shows a conflict with a Dutch date', async () => {
    let conflict = false;
    const backend = trajectoryBackend({}, (input) =>
      conflict && input.kind === 'map_theme'
        ? { code: 'conflict', message: 'dit MAP-thema is al afgerond op 2025-03-01', fields: [] }
        : null,
    );
    const calls = installIpc(backend.handlers);
    const user = userEvent.setup();
    render(VoortgangTab, { props: { client: CLIENT } });

    const row = () => screen.getAllByTestId('map-theme-item').find((t) => t.dataset.theme === 'netwerk_opbouwen')!;
    await screen.findAllByTestId('map-theme-item');
    await user.click(within(row()).getByTestId('map-theme-new'));
    await user.type(screen.getByTestId('map-theme-note'), 'Netwerkbijeenkomst');
    await user.click(screen.getByTestId('map-theme-save'));
    await waitFor(() => expect(text(row())).toContain('Netwerk opbouwen afgerond op 14-03-2025'));
    expect(calls.find((c) => c.cmd === 'add_trajectory_record')!.args.input).toEqual({
      kind: 'map_theme',
      record: { theme: 'netwerk_opbouwen', date: '2025-03-14', note: 'Netwerkbijeenkomst' },
    });
    expect(text(row())).toContain('Vastgelegd door Fatima de Vries op 14-03-2025');
    expect(text(screen.getByTestId('map-theme-count'))).toBe("1 van 8 thema's afgerond");

    conflict = true;
    const other = screen.getAllByTestId('map-theme-item').find((t) => t.dataset.theme === 'werk_vinden')!;
    await user.click(within(other).getByTestId('map-theme-new'));
    await user.click(screen.getByTestId('map-theme-save'));
    expect(text(await screen.findByTestId('map-theme-failure'))).toBe('dit MAP-thema is al afgerond op 01-03-2025');
  });

  it('asks why and whose fault only when the MAP is not completed', async () => {
    const backend = trajectoryBackend();
    const calls = installIpc(backend.handlers);
    const user = userEvent.setup();
    render(VoortgangTab, { props: { client: CLIENT } });

    await user.click(await screen.findByTestId('map-closing-new'));
    expect(screen.queryByTestId('map-closing-reason')).toBeNull();
    expect(screen.queryByTestId('map-closing-culpable')).toBeNull();
    await user.selectOptions(screen.getByTestId('map-closing-result'), 'niet_voltooid');
    await user.type(screen.getByTestId('map-closing-reason'), 'Niet verschenen');
    await user.selectOptions(screen.getByTestId('map-closing-culpable'), 'ja');
    await user.click(screen.getByTestId('map-closing-save'));

    const item = await screen.findByTestId('map-closing-item');
    expect(text(item)).toContain('Niet voltooid');
    expect(text(item)).toContain('Verwijtbaar');
    expect(calls.find((c) => c.cmd === 'add_trajectory_record')!.args.input).toEqual({
      kind: 'map_closing',
      record: { date: '2025-03-14', result: 'niet_voltooid', reason: 'Niet verschenen', culpable: true, note: null },
    });

    await user.click(within(item).getByTestId('map-closing-edit'));
    await user.selectOptions(screen.getByTestId('map-closing-result'), 'voltooid');
    expect(screen.queryByTestId('map-closing-reason')).toBeNull();
    await user.click(screen.getByTestId('map-closing-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'update_trajectory_record')).toBe(true));
    expect(calls.find((c) => c.cmd === 'update_trajectory_record')!.args.input).toEqual({
      kind: 'map_closing',
      record: { date: '2025-03-14', result: 'voltooid', reason: null, culpable: null, note: null },
    });
  });
});
