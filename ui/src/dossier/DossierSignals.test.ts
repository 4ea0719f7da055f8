import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Dossier from './Dossier.svelte';
import { app } from '../lib/app.svelte';
import { router } from '../shell/router.svelte';
import { appState, client, installIpc } from '../test/ipc';
import { sampleItems, signalsBackend, workItem } from '../test/signals';
import { pipOverview } from '../test/pip';
import type { Dossier as DossierT } from '../api';

/** The dossier as it opens, with the backend's signals of the moment. */
function dossier(backend: ReturnType<typeof signalsBackend>): DossierT {
  return {
    client: client({ id: 'c-1' }),
    bsn_masked: null,
    contact_attempts: [],
    notes: [],
    pip: pipOverview(),
    signals: backend.clientItems('c-1'),
  };
}

/** Ahmed's two signals (one snoozed) and one about his termijn. */
function items() {
  return [
    ...sampleItems().filter((i) => i.client_id === 'c-1'),
    workItem({
      client_id: 'c-1',
      signal: {
        kind: 'termijn_ending',
        severity: 'warning',
        due: '2025-08-01',
        message: 'De termijn eindigt op 01-08-2025; nog geen examens gehaald.',
        tab: 'pip',
        fingerprint: 'te1',
      },
    }),
  ];
}

describe('Dossier signals', () => {
  beforeEach(() => {
    app.state = appState();
    router.view = { name: 'dossier', id: 'c-1' };
  });

  it('lists the client’s signals on the overview, put-aside ones last and muted', async () => {
    const backend = signalsBackend(items());
    installIpc({ ...backend.handlers, open_dossier: () => dossier(backend) });
    render(Dossier, { props: { id: 'c-1' } });

    await waitFor(() => expect(screen.getAllByTestId('client-signal')).toHaveLength(3));
    const signals = screen.getAllByTestId('client-signal');
    expect(signals.map((s) => s.dataset.kind)).toEqual(['intake_due', 'termijn_ending', 'no_contact']);
    expect(signals[0].textContent).toContain('Brede intake');
    expect(signals[0].textContent).toContain('23-03-2025');
    expect(signals[0].textContent).toContain('over 9 dagen');
    expect(signals[1].textContent).toContain('De termijn eindigt op 01-08-2025');
    expect(signals[2].classList.contains('acked')).toBe(true);
    expect(within(signals[2]).getByTestId('client-signal-ack').textContent).toContain(
      'Gesnoozed tot en met 21-03-2025 door Fatima de Vries: Wacht op terugbellen',
    );
  });

  it('goes to the tab of a signal, which shows it above its content', async () => {
    const backend = signalsBackend(items());
    installIpc({ ...backend.handlers, open_dossier: () => dossier(backend) });
    const user = userEvent.setup();
    render(Dossier, { props: { id: 'c-1' } });
    const signals = await screen.findAllByTestId('client-signal');

    await user.click(within(signals[1]).getByTestId('client-signal-open'));
    expect(screen.getByTestId('tab-pip').getAttribute('aria-selected')).toBe('true');
    const strip = screen.getAllByTestId('tab-signal');
    expect(strip).toHaveLength(1);
    expect(strip[0].textContent).toContain('Termijn loopt af');
  });

  it('opens on the tab the navigation asks for', async () => {
    const backend = signalsBackend(items());
    installIpc({ ...backend.handlers, open_dossier: () => dossier(backend) });
    render(Dossier, { props: { id: 'c-1', initialTab: 'intake', from: 'werkvoorraad' } });
    await screen.findByTestId('dossier-name');
    expect(screen.getByTestId('tab-intake').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('back-to-werkvoorraad').textContent).toContain('Terug naar werkvoorraad');
    await waitFor(() => expect(screen.getByTestId('tab-signal').textContent).toContain('Brede intake'));
  });

  it('snoozes a signal from the dossier with the same form', async () => {
    const backend = signalsBackend(items());
    const calls = installIpc({ ...backend.handlers, open_dossier: () => dossier(backend), app_state: () => appState() });
    const user = userEvent.setup();
    render(Dossier, { props: { id: 'c-1' } });
    const signals = await screen.findAllByTestId('client-signal');

    await user.click(within(signals[1]).getByTestId('client-signal-snooze'));
    await user.click(screen.getByTestId('ack-save'));
    expect(screen.getByTestId('field-error').textContent).toBe('Reden is verplicht');

    await user.click(screen.getByTestId('ack-mode-done'));
    await user.type(screen.getByTestId('ack-reason'), 'Verlenging aangevraagd bij DUO');
    await user.click(screen.getByTestId('ack-save'));
    await waitFor(() =>
      expect(screen.getAllByTestId('client-signal').map((s) => s.dataset.kind)).toEqual([
        'intake_due',
        'no_contact',
        'termijn_ending',
      ]),
    );
    expect(calls.find((c) => c.cmd === 'acknowledge_signal')!.args).toEqual({
      clientId: 'c-1',
      input: { kind: 'termijn_ending', fingerprint: 'te1', until: null, reason: 'Verlenging aangevraagd bij DUO' },
    });
    expect(screen.queryByTestId('ack-form')).toBeNull();
  });

  it('says so when the client has no signals', async () => {
    const backend = signalsBackend([]);
    installIpc({ ...backend.handlers, open_dossier: () => dossier(backend) });
    render(Dossier, { props: { id: 'c-1' } });
    expect((await screen.findByTestId('client-signals-empty')).textContent).toContain('alles is bij');
  });
});
