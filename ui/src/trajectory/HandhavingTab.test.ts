// The Handhaving tab: cases, warnings and decisions; a fine only when the consultant decides on one.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import HandhavingTab from './HandhavingTab.svelte';
import { app } from '../lib/app.svelte';
import { appState, client, installIpc } from '../test/ipc';
import { caseView, enforcementCase, fieldError, fineRule, invalid, text, trajectoryBackend, warning } from '../test/trajectory';
import type { EnforcementCase } from '../api';

const CLIENT = client({ id: 'c-1' });
const RULES = [fineRule(), fineRule({ code: '3.2', description: 'Niet meewerken', trigger: null, max_cents: 125000 })];

describe('Handhaving', () => {
  beforeEach(() => {
    app.state = appState();
  });

  it('explains the order calmly and shows each case with its warnings and fine', async () => {
    const fined = caseView(
      enforcementCase({ decision: 'boete', decided_on: '2025-03-05', culpability: 'grove_nalatigheid', fine_rule: '3.1', fine_cents: 25000 }),
      [warning({ date: '2025-02-20', letter_sent: true, note: 'Brief met kenmerk 12' })],
    );
    installIpc(trajectoryBackend({ enforcement: [fined], fine_rules: RULES }).handlers);
    render(HandhavingTab, { props: { client: CLIENT } });

    expect(text(await screen.findByTestId('enforcement-intro'))).toBe(
      'Eerst uitzoeken waarom, dan waarschuwen. Een boete alleen bij verwijtbaar gedrag; de bedragen komen uit de boeteverordening (Instellingen).',
    );
    const card = screen.getByTestId('enforcement-item');
    expect(text(card)).toContain('Verzuim bij de taalles');
    expect(text(card)).toContain('Geopend op10-02-2025');
    expect(text(card)).toContain('Onderzoek: waarom?Kinderopvang viel weg');
    expect(text(card)).toContain('Bestuurlijke boete op 05-03-2025');
    expect(text(card)).toContain('Grove nalatigheid');
    expect(text(card)).toContain('3.1 — Verzuim bij de taalles');
    expect(text(within(card).getByTestId('enforcement-fine-amount'))).toBe('€ 250,00');
    expect(text(card)).toContain('Vastgelegd door Fatima de Vries op 10-03-2025');
    const w = within(card).getByTestId('warning-item');
    expect(text(w)).toContain('20-02-2025 Brief verstuurd');
    expect(text(w)).toContain('Brief met kenmerk 12');
    expect(within(card).getByTestId('warning-new')).toBeTruthy();
  });

  it('opens a case without proposing a measure', async () => {
    const backend = trajectoryBackend({ fine_rules: RULES });
    const calls = installIpc(backend.handlers);
    const user = userEvent.setup();
    render(HandhavingTab, { props: { client: CLIENT } });

    await user.click(await screen.findByTestId('enforcement-new'));
    const decision = screen.getByTestId('enforcement-decision') as HTMLSelectElement;
    expect(decision.value).toBe('');
    expect(decision.selectedOptions[0].textContent).toBe('— nog geen besluit —');
    expect(screen.queryByTestId('enforcement-fine-rule')).toBeNull();
    expect(screen.queryByTestId('enforcement-fine-cents')).toBeNull();

    await user.click(screen.getByTestId('enforcement-save'));
    expect(fieldError('enforcement-trigger')).toBe('Aanleiding is verplicht');
    await user.selectOptions(screen.getByTestId('enforcement-trigger'), 'afspraak_niet_nagekomen');
    await user.type(screen.getByTestId('enforcement-investigation'), 'Afspraak vergeten');
    await user.click(screen.getByTestId('enforcement-save'));

    const card = await screen.findByTestId('enforcement-item');
    expect(text(card)).toContain('Afspraak niet nagekomen');
    expect(text(card)).toContain('Nog geen besluit');
    expect(calls.find((c) => c.cmd === 'add_trajectory_record')!.args).toEqual({
      clientId: 'c-1',
      input: {
        kind: 'enforcement',
        record: {
          trigger: 'afspraak_niet_nagekomen',
          opened_on: '2025-03-14',
          investigation: 'Afspraak vergeten',
          decision: null,
          decided_on: null,
          culpability: null,
          fine_rule: null,
          fine_cents: null,
          note: null,
        },
      },
    });
  });

  it('shows the article and amount only for a fine, and sends the euros as cents', async () => {
    const open = caseView(enforcementCase(), [warning()]);
    const backend = trajectoryBackend({ enforcement: [open], fine_rules: RULES });
    const calls = installIpc(backend.handlers);
    const user = userEvent.setup();
    render(HandhavingTab, { props: { client: CLIENT } });

    await user.click(await screen.findByTestId('enforcement-edit'));
    await user.selectOptions(screen.getByTestId('enforcement-decision'), 'waarschuwing');
    expect(screen.queryByTestId('enforcement-fine-rule')).toBeNull();
    expect((screen.getByTestId('enforcement-decided-on') as HTMLInputElement).value).toBe('2025-03-14');

    await user.selectOptions(screen.getByTestId('enforcement-decision'), 'boete');
    const rule = screen.getByTestId('enforcement-fine-rule') as HTMLSelectElement;
    const amount = screen.getByTestId('enforcement-fine-cents') as HTMLInputElement;
    expect(rule.value).toBe('');
    expect(amount.value).toBe('');
    expect([...rule.options].map((o) => o.textContent)).toEqual([
      'Kies een artikel…',
      '3.1 — Verzuim bij de taalles (max € 250,00)',
      '3.2 — Niet meewerken (max € 1.250,00)',
    ]);
    await user.selectOptions(rule, '3.1');
    await user.selectOptions(screen.getByTestId('enforcement-culpability'), 'normale_verwijtbaarheid');
    await user.type(amount, 'veel');
    await user.click(screen.getByTestId('enforcement-save'));
    expect(fieldError('enforcement-fine-cents')).toBe('Vul een bedrag in euro in, bijv. 250 of 250,50');

    await user.clear(amount);
    await user.type(amount, '250,50');
    await user.click(screen.getByTestId('enforcement-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'update_trajectory_record')).toBe(true));
    const update = calls.find((c) => c.cmd === 'update_trajectory_record')!.args;
    expect(update.recordId).toBe(open.case.id);
    expect((update.input as { record: EnforcementCase }).record).toMatchObject({
      decision: 'boete',
      decided_on: '2025-03-14',
      culpability: 'normale_verwijtbaarheid',
      fine_rule: '3.1',
      fine_cents: 25050,
    });
    expect(text(await screen.findByTestId('enforcement-fine-amount'))).toBe('€ 250,50');
  });

  it('drops the fine when the decision is no longer a fine', async () => {
    const fined = caseView(
      enforcementCase({ decision: 'boete', decided_on: '2025-03-05', culpability: 'opzet', fine_rule: '3.1', fine_cents: 10000 }),
      [warning()],
    );
    const calls = installIpc(trajectoryBackend({ enforcement: [fined], fine_rules: RULES }).handlers);
    const user = userEvent.setup();
    render(HandhavingTab, { props: { client: CLIENT } });

    await user.click(await screen.findByTestId('enforcement-edit'));
    expect((screen.getByTestId('enforcement-fine-cents') as HTMLInputElement).value).toBe('100');
    await user.selectOptions(screen.getByTestId('enforcement-decision'), 'waarschuwing');
    await user.click(screen.getByTestId('enforcement-save'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'update_trajectory_record')).toBe(true));
    expect((calls.find((c) => c.cmd === 'update_trajectory_record')!.args.input as { record: EnforcementCase }).record).toMatchObject({
      decision: 'waarschuwing',
      decided_on: '2025-03-05',
      fine_rule: null,
      fine_cents: null,
    });
  });

  it('says where to add articles when the regulation is empty, and shows the rule a decision breaks', async () => {
    const backend = trajectoryBackend({ enforcement: [caseView()], fine_rules: [] }, (input) =>
      input.kind === 'enforcement'
        ? invalid('decision', 'warning_first', 'eerst een waarschuwing: in deze zaak is vóór het besluit nog geen waarschuwing gegeven')
        : null,
    );
    installIpc(backend.handlers);
    const user = userEvent.setup();
    render(HandhavingTab, { props: { client: CLIENT } });

    await user.click(await screen.findByTestId('enforcement-edit'));
    expect(screen.queryByTestId('fine-rules-missing')).toBeNull();
    await user.selectOptions(screen.getByTestId('enforcement-decision'), 'boete');
    expect(text(screen.getByTestId('fine-rules-missing'))).toBe(
      'Er staan nog geen artikelen in de boeteverordening; voeg ze toe bij Instellingen.',
    );
    await user.click(screen.getByTestId('enforcement-save'));
    await waitFor(() =>
      expect(fieldError('enforcement-decision')).toBe(
        'Eerst een waarschuwing: in deze zaak is vóór het besluit nog geen waarschuwing gegeven',
      ),
    );
  });

  it('records a warning in its case', async () => {
    const first = caseView(enforcementCase({ opened_on: '2025-03-01' }));
    const second = caseView(enforcementCase({ trigger: 'anders', opened_on: '2025-02-01' }));
    const calls = installIpc(trajectoryBackend({ enforcement: [first, second] }).handlers);
    const user = userEvent.setup();
    render(HandhavingTab, { props: { client: CLIENT } });

    const cards = await screen.findAllByTestId('enforcement-item');
    expect(text(cards[0])).toContain('Verzuim bij de taalles');
    await user.click(within(cards[1]).getByTestId('warning-new'));
    await user.click(screen.getByTestId('warning-letter-sent'));
    await user.type(screen.getByTestId('warning-note'), 'Mondeling gewaarschuwd');
    await user.click(screen.getByTestId('warning-save'));

    await waitFor(() => expect(within(screen.getAllByTestId('enforcement-item')[1]).getAllByTestId('warning-item')).toHaveLength(1));
    expect(calls.find((c) => c.cmd === 'add_trajectory_record')!.args.input).toEqual({
      kind: 'warning',
      record: { case_id: second.case.id, date: '2025-03-14', letter_sent: true, note: 'Mondeling gewaarschuwd' },
    });
    expect(within(screen.getAllByTestId('enforcement-item')[0]).queryAllByTestId('warning-item')).toHaveLength(0);
  });
});
