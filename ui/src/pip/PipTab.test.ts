import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PipTab from './PipTab.svelte';
import { app } from '../lib/app.svelte';
import { appState, client, installIpc } from '../test/ipc';
import { adoptedOverview, pipOverview, pipVersion, termijn, termijnView } from '../test/pip';
import type { AdoptInput, ExtensionInput, PipContent, PipOverview, PipVersion } from '../api';

const CLIENT = client({ id: 'c-1' });

function text(el: HTMLElement): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A fake backend keeping the versions; `adopt` decides what adopting does. */
function backend(start: PipOverview, adopt?: (input: AdoptInput, v: PipVersion) => PipVersion) {
  let overview = start;
  const put = (v: PipVersion) => {
    overview = { ...overview, versions: [...overview.versions.filter((x) => x.id !== v.id), v] };
    return v;
  };
  return {
    app_state: () => appState(),
    pip_overview: () => overview,
    draft_pip: () => {
      const previous = overview.versions.at(-1);
      return put(
        pipVersion({
          ...(previous ?? {}),
          id: `p${overview.versions.length + 1}`,
          number: overview.versions.length + 1,
          status: 'concept',
          dagtekening: null,
          adopted_by: null,
          kind: previous ? 'bijstelling' : 'eerste',
          reason: null,
        }),
      );
    },
    save_pip: (args: Record<string, unknown>) => {
      const v = overview.versions.find((x) => x.id === args.pipId)!;
      return put({ ...v, ...(args.content as PipContent) });
    },
    adopt_pip: (args: Record<string, unknown>) => {
      const v = overview.versions.find((x) => x.id === args.pipId)!;
      const input = args.input as AdoptInput;
      const adopted = adopt
        ? adopt(input, v)
        : { ...v, status: 'vastgesteld' as const, dagtekening: input.dagtekening, adopted_by: 'Fatima de Vries' };
      return put(adopted);
    },
  } as Record<string, (args: Record<string, unknown>) => unknown>;
}

describe('PIP en termijn', () => {
  beforeEach(() => {
    app.state = appState(); // today 2025-03-14
  });

  it('shows the termijn end prominently with the days remaining', async () => {
    installIpc({
      pip_overview: () =>
        adoptedOverview({
          termijn: termijnView({
            termijn: termijn({ end: '2027-09-16', extensions: 1, exemption: 'gedeeltelijk', days_remaining: 916 }),
            first_pip_adopted: true,
          }),
        }),
    });
    render(PipTab, { props: { client: CLIENT } });

    const card = await screen.findByTestId('termijn');
    expect(text(screen.getByTestId('termijn-end'))).toBe('16-09-2027');
    expect(text(card)).toContain('Termijn: 16-03-2024 t/m 16-09-2027');
    expect(text(card)).toContain('nog 916 dagen');
    expect(text(screen.getByTestId('termijn-extensions'))).toBe('1 verlenging (oorspronkelijk tot 16-03-2027)');
    expect(text(screen.getByTestId('termijn-exemption'))).toBe('Gedeeltelijke ontheffing');
    expect(screen.queryByTestId('pip-deadline')).toBeNull();
    // DUO's decisions can be recorded once a termijn exists.
    expect(screen.getByTestId('extension-form')).toBeTruthy();
    expect(screen.getByTestId('exemption-form')).toBeTruthy();
  });

  it('shows a passed termijn as verstreken', async () => {
    installIpc({
      pip_overview: () =>
        adoptedOverview({
          termijn: termijnView({ termijn: termijn({ end: '2025-03-10', days_remaining: -4 }), first_pip_adopted: true }),
        }),
    });
    render(PipTab, { props: { client: CLIENT } });
    const card = await screen.findByTestId('termijn');
    expect(text(card)).toContain('verstreken sinds 4 dagen');
    expect(card.classList.contains('overdue')).toBe(true);
  });

  it('without a termijn shows the first PIP deadline and records a pause', async () => {
    let overview = pipOverview();
    const calls = installIpc({
      pip_overview: () => overview,
      add_pause: (args) => {
        overview = pipOverview({
          termijn: termijnView({
            first_pip_deadline: '2025-03-31',
            pauses: [{ id: 'x1', recorded_by: 'Fatima de Vries', recorded_at: '2025-03-14T10:00:00Z', ...(args.input as { from: string; until: string; reason: string }) }],
          }),
        });
        return overview.termijn.pauses[0];
      },
    });
    const user = userEvent.setup();
    render(PipTab, { props: { client: CLIENT } });

    const deadline = await screen.findByTestId('pip-deadline');
    expect(text(deadline)).toBe('Eerste PIP uiterlijk 21-03-2025 (nog 7 dagen)');
    expect(screen.queryByTestId('termijn-end')).toBeNull();
    expect(screen.queryByTestId('extension-form')).toBeNull();
    expect(screen.getByTestId('pip-draft').textContent).toContain('PIP opstellen');

    await user.type(screen.getByTestId('pause-from'), '2025-03-01');
    await user.type(screen.getByTestId('pause-until'), '2025-03-10');
    await user.type(screen.getByTestId('pause-reason'), 'Wachten op medisch advies');
    await user.click(screen.getByTestId('pause-submit'));

    await waitFor(() => expect(text(screen.getByTestId('pip-deadline'))).toContain('31-03-2025'));
    expect(calls.find((c) => c.cmd === 'add_pause')!.args).toEqual({
      clientId: 'c-1',
      input: { from: '2025-03-01', until: '2025-03-10', reason: 'Wachten op medisch advies' },
    });
    expect(text(screen.getByTestId('pause-row'))).toContain('01-03-2025 t/m 10-03-2025 (10 dagen) — Wachten op medisch advies');
  });

  it('marks a passed first PIP deadline and asks for the late reason', async () => {
    installIpc(
      backend(pipOverview({ versions: [pipVersion()], termijn: termijnView({ first_pip_deadline: '2025-03-01' }) })),
    );
    render(PipTab, { props: { client: CLIENT } });
    const deadline = await screen.findByTestId('pip-deadline');
    expect(text(deadline)).toContain('verstreken sinds 13 dagen');
    expect(screen.getByTestId('termijn').classList.contains('overdue')).toBe(true);
    // Adopting today is after the deadline: the reason is asked for up front.
    expect(screen.getByTestId('pip-late_reason')).toBeTruthy();
  });

  it('drafts the first PIP prefilled and shows the 10-week deadline', async () => {
    const calls = installIpc(backend(pipOverview()));
    const user = userEvent.setup();
    render(PipTab, { props: { client: CLIENT } });
    expect(await screen.findByTestId('pip-empty')).toBeTruthy();

    await user.click(screen.getByTestId('pip-draft'));
    await screen.findByTestId('pip-concept');
    expect(calls.find((c) => c.cmd === 'draft_pip')!.args).toEqual({ clientId: 'c-1' });
    expect((screen.getByTestId('pip-leerroute') as HTMLSelectElement).value).toBe('b1');
    expect((screen.getByTestId('pip-goals') as HTMLTextAreaElement).value).toBe('Werk: kapper');
    expect(text(screen.getByTestId('pip-draft-deadline'))).toBe('Eerste PIP uiterlijk 21-03-2025 (nog 7 dagen)');
    // One concept at a time.
    expect(screen.queryByTestId('pip-draft')).toBeNull();
    // The first version has no reason or kind to pick; the late reason is not needed yet.
    expect(screen.queryByTestId('pip-reason')).toBeNull();
    expect(screen.queryByTestId('pip-late_reason')).toBeNull();
    const versions = screen.getAllByTestId('pip-version');
    expect(versions).toHaveLength(1);
    expect(text(versions[0])).toContain('Versie 1');
    expect(text(versions[0])).toContain('Concept');
    expect(text(versions[0])).toContain('Eerste PIP');
  });

  it('saves the concept form with the changed fields', async () => {
    const calls = installIpc(backend(pipOverview({ versions: [pipVersion()] })));
    const user = userEvent.setup();
    render(PipTab, { props: { client: CLIENT } });

    const goals = (await screen.findByTestId('pip-goals')) as HTMLTextAreaElement;
    await user.clear(goals);
    await user.type(goals, 'Werk: kapper; B1 halen');
    await user.selectOptions(screen.getByTestId('pip-leerroute'), 'onderwijsroute');
    await user.type(screen.getByTestId('pip-participation_hours_per_week'), '8');
    await user.type(screen.getByTestId('pip-waiting_list_date'), '2025-03-01');
    await user.selectOptions(screen.getByTestId('pip-map_exemption'), 'gedeeltelijk');
    await user.type(screen.getByTestId('pip-map_exemption_reason'), 'Werkt al 20 uur');
    expect(text(screen.getByTestId('pip-save-state'))).toBe('Niet-opgeslagen wijzigingen');
    await user.click(screen.getByTestId('pip-save'));

    await waitFor(() => expect(text(screen.getByTestId('pip-save-state'))).toBe('Opgeslagen'));
    const saved = calls.find((c) => c.cmd === 'save_pip')!.args;
    expect(saved.pipId).toBe('p1');
    expect(saved.content).toEqual({
      kind: 'eerste',
      reason: null,
      leerroute: 'onderwijsroute',
      target_level: 'B1',
      goals: 'Werk: kapper; B1 halen',
      provider: 'Taalhuis Leiden',
      waiting_list_date: '2025-03-01',
      course_start_date: null,
      map_exemption: 'gedeeltelijk',
      map_exemption_reason: 'Werkt al 20 uur',
      map_agreement: null,
      pvt_agreement: null,
      participation_hours_per_week: 8,
      participation_agreement: null,
      participatiewet: null,
      preconditions: 'Kinderopvang regelen',
      monitoring: null,
    });
  });

  it('offers the kinds of a later version and sets A2 when afschalen is picked', async () => {
    const previous = pipVersion({ id: 'p1', status: 'vastgesteld', dagtekening: '2024-03-15' });
    installIpc(backend(adoptedOverview({ versions: [previous, pipVersion({ id: 'p2', number: 2, kind: 'bijstelling' })] })));
    const user = userEvent.setup();
    render(PipTab, { props: { client: CLIENT } });
    const kind = (await screen.findByTestId('pip-kind')) as HTMLSelectElement;
    expect([...kind.options].map((o) => o.textContent)).toEqual([
      'Andere leerroute',
      'Afschalen naar A2',
      'Verhuizing',
      'Bijstelling',
    ]);
    expect(screen.getByTestId('pip-reason')).toBeTruthy();
    // Not the first PIP: no 10-week deadline here.
    expect(screen.queryByTestId('pip-draft-deadline')).toBeNull();
    await user.selectOptions(kind, 'afschalen');
    expect((screen.getByTestId('pip-target_level') as HTMLSelectElement).value).toBe('A2');
    expect(screen.getByText('Afschalen kan vanaf 600 lesuren; nu 12 uur')).toBeTruthy();
  });

  it('shows save errors at their field', async () => {
    installIpc({
      ...backend(pipOverview({ versions: [pipVersion()] })),
      save_pip: () => {
        throw {
          code: 'validation',
          message: 'Ongeldige invoer',
          fields: [{ field: 'course_start_date', rule: 'after_waiting_list', message: 'ligt vóór de datum van plaatsing op de wachtlijst' }],
        };
      },
    });
    const user = userEvent.setup();
    render(PipTab, { props: { client: CLIENT } });
    await user.type(await screen.findByTestId('pip-course_start_date'), '2025-01-01');
    await user.click(screen.getByTestId('pip-save'));
    expect((await screen.findByTestId('field-error-pip-course_start_date')).textContent).toBe(
      'Start cursus ligt vóór de datum van plaatsing op de wachtlijst',
    );
  });

  it('lists every rule that refuses adoption, with its field label', async () => {
    const previous = pipVersion({ id: 'p1', status: 'vastgesteld', dagtekening: '2024-03-15', adopted_by: 'Fatima de Vries' });
    const concept = pipVersion({ id: 'p2', number: 2, kind: 'afschalen', target_level: 'A2' });
    const calls = installIpc({
      ...backend(
        adoptedOverview({ versions: [previous, concept] }),
      ),
      adopt_pip: () => {
        throw {
          code: 'validation',
          message: 'Ongeldige invoer',
          fields: [
            {
              field: 'target_level',
              rule: 'afschalen_600_hours',
              message: 'afschalen naar A2 kan pas na minstens 600 lesuren; er staan er 12 in het urenoverzicht',
            },
            { field: 'reason', rule: 'required_for_new_version', message: 'is verplicht: zeg wat er verandert en waarom' },
          ],
        };
      },
    });
    const user = userEvent.setup();
    render(PipTab, { props: { client: CLIENT } });

    // The concept is selected first; it can be picked among the versions newest first.
    await screen.findByTestId('pip-concept');
    expect(screen.getAllByTestId('pip-version').map((v) => v.getAttribute('data-status'))).toEqual(['concept', 'vastgesteld']);
    expect((screen.getByTestId('pip-dagtekening') as HTMLInputElement).value).toBe('2025-03-14');
    await user.click(screen.getByTestId('pip-adopt'));

    const refused = await screen.findByTestId('pip-refused');
    expect(refused.getAttribute('role')).toBe('alert');
    expect(text(refused)).toContain('Dit PIP kan niet worden vastgesteld:');
    const items = within(refused).getAllByRole('listitem').map(text);
    expect(items).toEqual([
      'Beoogd niveau: afschalen naar A2 kan pas na minstens 600 lesuren; er staan er 12 in het urenoverzicht',
      'Reden van deze versie: is verplicht: zeg wat er verandert en waarom',
    ]);
    // Each rule also marks its field.
    expect(screen.getByTestId('field-error-pip-target_level').textContent).toContain('Afschalen naar A2 kan pas na minstens 600 lesuren');
    expect(screen.getByTestId('pip-reason').getAttribute('aria-invalid')).toBe('true');
    // Nothing changed on the form, so nothing was saved first.
    expect(calls.filter((c) => c.cmd === 'save_pip')).toHaveLength(0);
    expect(calls.find((c) => c.cmd === 'adopt_pip')!.args).toEqual({
      pipId: 'p2',
      input: { dagtekening: '2025-03-14', late_reason: null },
    });
  });

  it('asks for the late reason when the backend wants it, then adopts', async () => {
    let asked = false;
    const calls = installIpc(
      backend(pipOverview({ versions: [pipVersion()], termijn: termijnView({ first_pip_deadline: null }) }), (input, v) => {
        if (!input.late_reason) {
          asked = true;
          throw {
            code: 'validation',
            message: 'Ongeldige invoer',
            fields: [
              {
                field: 'late_reason',
                rule: 'first_pip_after_10_weeks',
                message: 'is verplicht: het eerste PIP moest binnen 10 weken vastgesteld zijn (uiterlijk 01-03-2025)',
              },
            ],
          };
        }
        return { ...v, status: 'vastgesteld', dagtekening: input.dagtekening, late_reason: input.late_reason, adopted_by: 'Fatima de Vries' };
      }),
    );
    const user = userEvent.setup();
    render(PipTab, { props: { client: CLIENT } });
    await screen.findByTestId('pip-concept');
    expect(screen.queryByTestId('pip-late_reason')).toBeNull();
    await user.click(screen.getByTestId('pip-adopt'));

    expect(text(await screen.findByTestId('pip-refused'))).toContain(
      'Reden na 10 weken: is verplicht: het eerste PIP moest binnen 10 weken vastgesteld zijn (uiterlijk 01-03-2025)',
    );
    expect(asked).toBe(true);
    const late = screen.getByTestId('pip-late_reason');
    expect(document.activeElement).toBe(late);
    await user.type(late, 'Tolk niet beschikbaar');
    await user.click(screen.getByTestId('pip-adopt'));

    await screen.findByTestId('pip-view');
    expect(calls.filter((c) => c.cmd === 'adopt_pip').at(-1)!.args).toEqual({
      pipId: 'p1',
      input: { dagtekening: '2025-03-14', late_reason: 'Tolk niet beschikbaar' },
    });
    expect(screen.queryByTestId('pip-refused')).toBeNull();
  });

  it('saves a changed form before adopting it', async () => {
    const calls = installIpc(backend(pipOverview({ versions: [pipVersion()] })));
    const user = userEvent.setup();
    render(PipTab, { props: { client: CLIENT } });
    await user.type(await screen.findByTestId('pip-monitoring'), 'Elke 3 maanden een gesprek');
    await user.click(screen.getByTestId('pip-adopt'));

    const view = await screen.findByTestId('pip-view');
    const order = calls.map((c) => c.cmd).filter((c) => c === 'save_pip' || c === 'adopt_pip');
    expect(order).toEqual(['save_pip', 'adopt_pip']);
    expect((calls.find((c) => c.cmd === 'save_pip')!.args.content as PipContent).monitoring).toBe('Elke 3 maanden een gesprek');
    expect(text(within(view).getByTestId('pip-view-monitoring'))).toContain('Elke 3 maanden een gesprek');
    expect(text(screen.getByTestId('pip-version'))).toContain('Vastgesteld 14-03-2025');
  });

  it('shows an adopted version read-only and makes its beschikking', async () => {
    let fail = false;
    const calls = installIpc({
      pip_overview: () =>
        adoptedOverview({
          versions: [
            pipVersion({
              status: 'vastgesteld',
              dagtekening: '2024-03-15',
              adopted_by: 'Fatima de Vries',
              waiting_list_date: '2024-04-01',
              course_start_date: '2024-05-13',
              participation_hours_per_week: 8,
            }),
          ],
        }),
      generate_pip_document: () => {
        if (fail) throw { code: 'internal', message: 'het lettertype kon niet worden geladen', fields: [] };
        return { path: '/home/test/Documenten/PIP Ahmed Haddad v1.pdf' };
      },
      open_document: (args) => {
        if (args.path !== '/home/test/Documenten/PIP Ahmed Haddad v1.pdf') throw { code: 'not_found', message: 'onbekend', fields: [] };
        throw { code: 'internal', message: 'het document kon niet worden geopend: geen PDF-lezer', fields: [] };
      },
    });
    const user = userEvent.setup();
    render(PipTab, { props: { client: CLIENT } });

    const view = await screen.findByTestId('pip-view');
    expect(within(view).queryByRole('textbox')).toBeNull();
    expect(text(view)).toContain('Dagtekening 15-03-2024 door Fatima de Vries');
    expect(text(within(view).getByTestId('pip-view-leerroute'))).toBe('Leerroute B1-route');
    expect(text(within(view).getByTestId('pip-view-participation_hours_per_week'))).toContain('8 uur per week');
    expect(text(within(view).getByTestId('pip-view-map_exemption'))).toBe('MAP Volledige deelname');
    // Six weeks on the waiting list before the course started.
    expect(text(screen.getByTestId('pip-waiting'))).toBe('Wachttijd: 6 weken');
    expect(screen.getByTestId('pip-draft').textContent).toContain('Nieuwe versie');

    await user.click(within(view).getByTestId('pip-document'));
    expect(text(await screen.findByTestId('pip-document-result'))).toBe(
      'Opgeslagen als /home/test/Documenten/PIP Ahmed Haddad v1.pdf Openen',
    );
    expect(calls.find((c) => c.cmd === 'generate_pip_document')!.args).toEqual({ pipId: 'p1' });
    // Opening asks the backend for exactly that file; its failure is shown, the path stays.
    await user.click(screen.getByTestId('pip-document-open'));
    expect(text(await screen.findByTestId('pip-document-open-error'))).toContain('geen PDF-lezer');
    expect(calls.find((c) => c.cmd === 'open_document')!.args).toEqual({ path: '/home/test/Documenten/PIP Ahmed Haddad v1.pdf' });

    fail = true;
    await user.click(within(view).getByTestId('pip-document'));
    await waitFor(() => expect(text(screen.getByTestId('pip-document-result'))).toContain('het lettertype kon niet worden geladen'));
    expect(screen.getByTestId('pip-document-result').getAttribute('role')).toBe('alert');
  });

  it('records an extension of the termijn', async () => {
    let overview = adoptedOverview();
    const calls = installIpc({
      pip_overview: () => overview,
      add_extension: (args) => {
        const input = args.input as ExtensionInput;
        const ext = { id: 'x1', client_id: 'c-1', recorded_by: 'Fatima de Vries', recorded_at: '2025-03-14T10:00:00Z', ...input };
        overview = adoptedOverview({
          termijn: termijnView({
            termijn: termijn({ end: input.new_end, extensions: 1, days_remaining: 916 }),
            first_pip_adopted: true,
            extensions: [ext],
          }),
        });
        return ext;
      },
    });
    const user = userEvent.setup();
    render(PipTab, { props: { client: CLIENT } });
    await screen.findByTestId('extension-form');
    expect((screen.getByTestId('extension-decision_date') as HTMLInputElement).value).toBe('2025-03-14');
    await user.type(screen.getByTestId('extension-ground'), 'Ziekte');
    await user.type(screen.getByTestId('extension-new_end'), '2027-09-16');
    await user.click(screen.getByTestId('extension-submit'));

    await waitFor(() => expect(text(screen.getByTestId('termijn-end'))).toBe('16-09-2027'));
    expect(calls.find((c) => c.cmd === 'add_extension')!.args).toEqual({
      clientId: 'c-1',
      input: { decision_date: '2025-03-14', ground: 'Ziekte', new_end: '2027-09-16' },
    });
    expect(text(screen.getByTestId('extension-row'))).toContain('Tot 16-09-2027 — Ziekte');
  });

  it('records an exemption', async () => {
    const calls = installIpc({
      pip_overview: () => adoptedOverview(),
      add_exemption: (args) => ({ id: 'y1', client_id: 'c-1', recorded_by: 'Fatima de Vries', recorded_at: '2025-03-14T10:00:00Z', ...(args.input as object) }),
    });
    const user = userEvent.setup();
    render(PipTab, { props: { client: CLIENT } });
    await user.selectOptions(await screen.findByTestId('exemption-kind'), 'volledig');
    await user.type(screen.getByTestId('exemption-note'), 'Medisch');
    await user.click(screen.getByTestId('exemption-submit'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'add_exemption')).toBe(true));
    expect(calls.find((c) => c.cmd === 'add_exemption')!.args).toEqual({
      clientId: 'c-1',
      input: { kind: 'volledig', decision_date: '2025-03-14', note: 'Medisch' },
    });
  });
});
