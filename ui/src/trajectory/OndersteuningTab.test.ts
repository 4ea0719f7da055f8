// The Ondersteuning tab: financieel ontzorgen, maatschappelijke begeleiding and referrals.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import OndersteuningTab from './OndersteuningTab.svelte';
import { app } from '../lib/app.svelte';
import { appState, client, installIpc } from '../test/ipc';
import { begeleiding, begeleidingView, ontzorgen, ontzorgenView, referral, stored, text, trajectoryBackend } from '../test/trajectory';

const CLIENT = client({ id: 'c-1' });
const DOUBLE_RENT =
  'De huur wordt sinds 01-01-2025 ingehouden, maar de woningcorporatie int de huur ook nog zelf: de cliënt betaalt dubbel. Laat de automatische incasso stoppen.';

describe('Ondersteuning', () => {
  beforeEach(() => {
    app.state = appState();
  });

  it('shows until when ontzorgen runs, what is withheld, the warnings, the begeleiding and the referrals', async () => {
    installIpc(
      trajectoryBackend({
        ontzorgen: [ontzorgenView(ontzorgen({ rent_collected_by_corporation: true, budget_coach: 'Stichting Budget' }), [DOUBLE_RENT])],
        begeleidingen: [begeleidingView(begeleiding({ start: '2024-11-02' }))],
        referrals: [stored(referral())],
      }).handlers,
    );
    render(OndersteuningTab, { props: { client: CLIENT } });

    const alert = await screen.findByTestId('ontzorgen-warning');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(text(alert)).toBe(DOUBLE_RENT);
    expect(text(screen.getByTestId('ontzorgen-until'))).toBe('Ontzorgen loopt tot en met 30-06-2025');
    expect(text(screen.getByTestId('ontzorgen-withheld'))).toBe('IngehoudenHuur vanaf 01-01-2025 · Energie vanaf 01-02-2025');
    expect(text(screen.getByTestId('ontzorgen-item'))).toContain('Stichting Budget');

    const b = screen.getByTestId('begeleiding-item');
    expect(text(b)).toContain('VluchtelingenWerk Nederland');
    expect(text(within(b).getByTestId('begeleiding-until'))).toBe('02-11-2026 (2 jaar)');
    expect(text(within(b).getByTestId('begeleiding-spreekuur'))).toBe('02-11-2027');
    expect(text(b)).toContain('Spreekuur tot');

    const r = screen.getByTestId('referral-item');
    expect(text(r)).toContain('Werkbedrijf (plaatsing)');
    expect(text(r)).toContain('Uitkomst nog onbekend');
    expect(text(r)).toContain('Vastgelegd door Fatima de Vries op 10-03-2025');
  });

  it('records ontzorgen: 6 months unless changed, and a ticked cost starts at the start', async () => {
    const calls = installIpc(trajectoryBackend().handlers);
    const user = userEvent.setup();
    render(OndersteuningTab, { props: { client: CLIENT } });

    await user.click(await screen.findByTestId('ontzorgen-new'));
    expect((screen.getByTestId('ontzorgen-months') as HTMLInputElement).value).toBe('6');
    await user.clear(screen.getByTestId('ontzorgen-start'));
    await user.type(screen.getByTestId('ontzorgen-start'), '2025-03-01');
    await user.click(screen.getByTestId('ontzorgen-huur'));
    expect((screen.getByTestId('ontzorgen-huur-from') as HTMLInputElement).value).toBe('2025-03-01');
    await user.type(screen.getByTestId('ontzorgen-zorgverzekering-from'), '2025-04-01');
    expect((screen.getByTestId('ontzorgen-zorgverzekering') as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByTestId('ontzorgen-rent-collected-by-corporation'));
    await user.type(screen.getByTestId('ontzorgen-budget-coach'), 'Stichting Budget');
    await user.click(screen.getByTestId('ontzorgen-save'));

    expect(text(await screen.findByTestId('ontzorgen-until'))).toBe('Ontzorgen loopt tot en met 31-08-2025');
    expect(calls.find((c) => c.cmd === 'add_trajectory_record')!.args.input).toEqual({
      kind: 'ontzorgen',
      record: {
        start: '2025-03-01',
        months: 6,
        extended_until: null,
        huur_from: '2025-03-01',
        zorgverzekering_from: '2025-04-01',
        energie_from: null,
        water_from: null,
        rent_collected_by_corporation: true,
        budget_coach: 'Stichting Budget',
        note: null,
      },
    });
  });

  it('records begeleiding by VluchtelingenWerk unless changed', async () => {
    const calls = installIpc(trajectoryBackend().handlers);
    const user = userEvent.setup();
    render(OndersteuningTab, { props: { client: CLIENT } });

    await user.click(await screen.findByTestId('begeleiding-new'));
    expect((screen.getByTestId('begeleiding-organisation') as HTMLInputElement).value).toBe('VluchtelingenWerk Nederland');
    await user.type(screen.getByTestId('begeleiding-contact-person'), 'S. de Vries');
    await user.click(screen.getByTestId('begeleiding-save'));

    const b = await screen.findByTestId('begeleiding-item');
    expect(text(within(b).getByTestId('begeleiding-until'))).toBe('14-03-2027 (2 jaar)');
    expect(text(within(b).getByTestId('begeleiding-spreekuur'))).toBe('14-03-2028');
    expect(calls.find((c) => c.cmd === 'add_trajectory_record')!.args.input).toEqual({
      kind: 'begeleiding',
      record: {
        organisation: 'VluchtelingenWerk Nederland',
        contact_person: 'S. de Vries',
        start: '2025-03-14',
        end: null,
        walk_in_until: null,
        note: null,
      },
    });
  });

  it('asks who only for another target, and records the outcome later by changing the referral', async () => {
    const calls = installIpc(trajectoryBackend().handlers);
    const user = userEvent.setup();
    render(OndersteuningTab, { props: { client: CLIENT } });

    await user.click(await screen.findByTestId('referral-new'));
    expect(screen.queryByTestId('referral-target-other')).toBeNull();
    await user.selectOptions(screen.getByTestId('referral-target'), 'anders');
    await user.type(screen.getByTestId('referral-target-other'), 'Voedselbank');
    await user.type(screen.getByTestId('referral-reason'), 'Geen geld voor eten');
    await user.click(screen.getByTestId('referral-save'));

    const item = await screen.findByTestId('referral-item');
    expect(text(item)).toContain('Voedselbank');
    const added = calls.find((c) => c.cmd === 'add_trajectory_record')!.args.input;
    expect(added).toEqual({
      kind: 'referral',
      record: {
        target: 'anders',
        target_other: 'Voedselbank',
        date: '2025-03-14',
        reason: 'Geen geld voor eten',
        outcome: null,
        outcome_date: null,
      },
    });

    await user.click(within(item).getByTestId('referral-edit'));
    await user.type(screen.getByTestId('referral-outcome'), 'Pakket elke week');
    await user.type(screen.getByTestId('referral-outcome-date'), '2025-03-14');
    await user.click(screen.getByTestId('referral-save'));

    await waitFor(() => expect(text(screen.getByTestId('referral-item'))).toContain('Pakket elke week'));
    const update = calls.find((c) => c.cmd === 'update_trajectory_record')!.args;
    expect(update.clientId).toBe('c-1');
    expect(update.input).toEqual({
      kind: 'referral',
      record: { ...(added as { record: object }).record, outcome: 'Pakket elke week', outcome_date: '2025-03-14' },
    });
    expect(text(screen.getByTestId('referral-item'))).toContain('Uitkomst 14-03-2025');
    expect(text(screen.getByTestId('referral-item'))).toContain('gewijzigd door Jan Jansen op 14-03-2025');
  });
});
