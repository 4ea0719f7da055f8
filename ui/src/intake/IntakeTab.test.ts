import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import IntakeTab from './IntakeTab.svelte';
import { app } from '../lib/app.svelte';
import { appState, client } from '../test/ipc';
import { installIpc } from '../test/ipc';
import { INTAKE_ID, intake, intakeView, session } from '../test/intake';
import type { AnswerValue, IntakeSessionInput, StoredAnswer } from '../api';

const CLIENT = client({ id: 'c-1' });

/** A fake backend: keeps answers and children, re-evaluates with the fixture on each call. */
function backend(start: { answers?: StoredAnswer[]; children?: number[] } = {}) {
  let answers: StoredAnswer[] = start.answers ?? [];
  let children: number[] = start.children ?? [];
  const view = () => intakeView({ answers, children });
  return {
    view,
    handlers: {
      client_intakes: () => [],
      app_state: () => appState(),
      start_intake: () => view(),
      open_intake: () => view(),
      save_answer: (args: Record<string, unknown>) => {
        const { questionId, instance, value } = args as { questionId: string; instance: number; value: AnswerValue };
        answers = answers.filter((a) => !(a.question_id === questionId && a.instance === instance));
        if (value !== null) answers.push({ question_id: questionId, instance, value });
        return view();
      },
      add_repeat_instance: () => {
        children = [...children, Math.max(0, ...children) + 1];
        return view();
      },
      remove_repeat_instance: (args: Record<string, unknown>) => {
        children = children.filter((n) => n !== args.instance);
        return view();
      },
    } as Record<string, (args: Record<string, unknown>) => unknown>,
  };
}

async function startWizard(handlers: Record<string, (args: Record<string, unknown>) => unknown>) {
  const calls = installIpc(handlers);
  const user = userEvent.setup();
  render(IntakeTab, { props: { client: CLIENT } });
  await user.click(await screen.findByTestId('start-intake'));
  await screen.findByTestId('intake-wizard');
  return { calls, user };
}

describe('Brede intake', () => {
  beforeEach(() => {
    app.state = appState();
  });

  it('starts an intake and renders the first group with its visible questions', async () => {
    const { calls } = await startWizard(backend().handlers);

    expect(calls.find((c) => c.cmd === 'start_intake')!.args).toEqual({ clientId: 'c-1' });
    expect(screen.getByTestId('intake-group-title').textContent).toBe('Het gesprek');
    expect(screen.getByTestId('intake-title').textContent).toContain('Brede intake Wi2021');
    expect(screen.getByTestId('intake-step').textContent).toBe('Onderdeel 1 van 2');
    expect(screen.getByTestId('intake-progress').textContent).toBe('0 van 1 verplichte vragen beantwoord');
    expect(screen.getByTestId('q-tolk_gebruikt')).toBeTruthy();
    expect(screen.queryByTestId('q-tolk_taal')).toBeNull();
    // Two options: radio buttons with the option values.
    const radios = within(screen.getByTestId('q-vervoer')).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => [r.name, r.value])).toEqual([
      ['vervoer', 'fiets'],
      ['vervoer', 'ov'],
    ]);
    // Hidden groups are shown as n.v.t., visible ones can be jumped to.
    const sections = screen.getAllByTestId('intake-section');
    expect(sections.map((s) => s.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Het gesprek 1', 'Kinderen 1']);
    expect(screen.getByTestId('intake-section-hidden').textContent).toContain('n.v.t.');
  });

  it('saves a yes/no answer at once and shows the question that becomes visible', async () => {
    const { calls, user } = await startWizard(backend().handlers);

    await user.click(within(screen.getByTestId('q-tolk_gebruikt')).getByLabelText('Ja'));

    await screen.findByTestId('q-tolk_taal');
    expect(calls.find((c) => c.cmd === 'save_answer')!.args).toEqual({
      intakeId: INTAKE_ID,
      questionId: 'tolk_gebruikt',
      instance: 0,
      value: true,
    });
    expect(screen.getByTestId('autosave-state').textContent).toContain('Opgeslagen');
    expect(screen.getByTestId('intake-progress').textContent).toBe('1 van 2 verplichte vragen beantwoord');

    // Text is saved on blur, once.
    const input = within(screen.getByTestId('q-tolk_taal')).getByRole('textbox') as HTMLInputElement;
    expect(input.name).toBe('tolk_taal');
    await user.type(input, 'Arabisch');
    await user.tab();
    await waitFor(() =>
      expect(calls.filter((c) => c.cmd === 'save_answer').map((c) => c.args.value)).toEqual([true, 'Arabisch']),
    );
  });

  it('keeps typed text and shows the error when a save fails', async () => {
    const b = backend({ answers: [{ question_id: 'tolk_gebruikt', instance: 0, value: true }] });
    const { user } = await startWizard({
      ...b.handlers,
      save_answer: () => {
        throw { code: 'conflict', message: 'deze intake is afgerond; heropen hem om antwoorden te wijzigen', fields: [] };
      },
    });

    const input = within(screen.getByTestId('q-tolk_taal')).getByRole('textbox') as HTMLInputElement;
    await user.type(input, 'Tigrinya');
    await user.tab();

    const error = await within(screen.getByTestId('q-tolk_taal')).findByTestId('save-error');
    expect(error.textContent).toContain('Niet opgeslagen: deze intake is afgerond');
    expect(input.value).toBe('Tigrinya');
    expect(screen.getByTestId('autosave-state').textContent).toContain('Niet opgeslagen');
  });

  it('moves to the next question on Enter and saves the typed text', async () => {
    const b = backend({ answers: [{ question_id: 'tolk_gebruikt', instance: 0, value: true }] });
    const { calls, user } = await startWizard(b.handlers);

    await user.type(within(screen.getByTestId('q-tolk_taal')).getByRole('textbox'), 'Dari{Enter}');

    expect(document.activeElement).toBe(within(screen.getByTestId('q-vervoer')).getAllByRole('radio')[0]);
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'save_answer').map((c) => c.args.value)).toEqual(['Dari']));
  });

  it('adds and removes a repeat entry', async () => {
    const { calls, user } = await startWizard(backend().handlers);

    await user.click(screen.getByTestId('intake-next'));
    expect(screen.getByTestId('intake-group-title').textContent).toBe('Kinderen');
    await user.click(screen.getByTestId('add-instance-kinderen'));

    await screen.findByTestId('q-kind_voornaam-1');
    expect(calls.find((c) => c.cmd === 'add_repeat_instance')!.args).toEqual({ intakeId: INTAKE_ID, groupId: 'kinderen' });
    expect(screen.getByTestId('instance-kinderen').querySelector('h3')!.textContent).toBe('Kind 1');
    expect(screen.getByTestId('add-instance-kinderen').textContent).toContain('+ Kind toevoegen');

    // A date saves on change and the computed age appears read-only.
    const date = within(screen.getByTestId('q-kind_geboortedatum-1')).getByLabelText('Geboortedatum') as HTMLInputElement;
    await user.type(date, '2018-01-01');
    await waitFor(() => expect(screen.getByTestId('computed-kind_leeftijd').textContent).toBe('7'));
    expect(calls.filter((c) => c.cmd === 'save_answer').at(-1)!.args).toEqual({
      intakeId: INTAKE_ID,
      questionId: 'kind_geboortedatum',
      instance: 1,
      value: '2018-01-01',
    });

    await user.click(screen.getByTestId('remove-instance'));
    await user.click(screen.getByTestId('confirm-remove-instance'));
    await waitFor(() => expect(screen.queryByTestId('instance-kinderen')).toBeNull());
    expect(calls.find((c) => c.cmd === 'remove_repeat_instance')!.args).toEqual({
      intakeId: INTAKE_ID,
      groupId: 'kinderen',
      instance: 1,
    });
  });

  it('shows the missing answers when completing is rejected, and jumps to one', async () => {
    const b = backend();
    const { calls, user } = await startWizard({
      ...b.handlers,
      complete_intake: () => {
        throw {
          code: 'validation',
          message: 'Ongeldige invoer',
          fields: [
            { field: 'tolk_gebruikt', rule: 'required', message: 'nog niet beantwoord: Is er een tolk gebruikt?' },
            { field: 'kinderen', rule: 'required', message: "nog niet beantwoord: Voeg minstens 1 × 'Kind' toe" },
          ],
        };
      },
    });

    expect(screen.queryByTestId('missing-list')).toBeNull();
    await user.click(screen.getByTestId('complete-intake'));

    const list = await screen.findByTestId('missing-list');
    expect(calls.some((c) => c.cmd === 'complete_intake')).toBe(true);
    expect(screen.getByTestId('complete-error').textContent).toContain('kan nog niet worden afgerond');
    const items = within(list).getAllByTestId('missing-item');
    expect(items.map((i) => i.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Het gesprek → Is er een tolk gebruikt?',
      "Kinderen → Voeg minstens 1 × 'Kind' toe",
    ]);
    expect(screen.getByTestId('missing-answers').textContent).toContain('Nog te beantwoorden (2)');

    await user.click(within(items[1]).getByRole('button'));
    expect(screen.getByTestId('intake-group-title').textContent).toBe('Kinderen');
    expect(document.activeElement).toBe(screen.getByTestId('add-instance-kinderen'));
  });

  it('records a conversation', async () => {
    const b = backend();
    let sessions: ReturnType<typeof session>[] = [];
    const { calls, user } = await startWizard({
      ...b.handlers,
      add_intake_session: (args) => {
        sessions = [session({ ...(args.input as IntakeSessionInput) })];
        return { ...b.view(), sessions };
      },
    });

    await user.click(screen.getByTestId('new-session'));
    expect((screen.getByLabelText('Datum') as HTMLInputElement).value).toBe('2025-03-14');
    expect((screen.getByLabelText('Tolk') as HTMLSelectElement).value).toBe('tolkentelefoon');
    await user.type(screen.getByLabelText('Duur (min)'), '75');
    await user.click(screen.getByTestId('add-session'));

    await screen.findByTestId('sessions-table');
    expect(calls.find((c) => c.cmd === 'add_intake_session')!.args).toEqual({
      intakeId: INTAKE_ID,
      input: {
        date: '2025-03-14',
        interpreter: 'tolkentelefoon',
        interpreter_language: 'Arabisch',
        duration_minutes: 75,
        note: null,
      },
    });
    const row = screen.getByTestId('sessions-table').querySelector('tbody tr')!;
    expect(row.textContent).toContain('14-03-2025');
    expect(row.textContent).toContain('Tolkentelefoon');
    expect(row.textContent).toContain('75 min');
  });

  it('shows a completed intake read-only with a print button, and reopens it with a reason', async () => {
    const completed = intakeView({
      status: 'completed',
      answers: [
        { question_id: 'tolk_gebruikt', instance: 0, value: true },
        { question_id: 'tolk_taal', instance: 0, value: 'Arabisch' },
        { question_id: 'vervoer', instance: 0, value: 'ov' },
        { question_id: 'kind_voornaam', instance: 1, value: 'Sara' },
        { question_id: 'kind_geboortedatum', instance: 1, value: '2018-01-01' },
      ],
      children: [1],
      sessions: [session()],
    });
    const calls = installIpc({
      client_intakes: () => [intake({ status: 'completed', completed_at: '2025-03-14T15:00:00Z' })],
      open_intake: () => completed,
      app_state: () => appState(),
      reopen_intake: () => ({ ...completed, intake: { ...completed.intake, status: 'in_progress', completed_at: null } }),
    });
    const print = vi.fn();
    window.print = print;
    const user = userEvent.setup();
    render(IntakeTab, { props: { client: CLIENT } });

    expect((await screen.findByTestId('intake-status')).textContent).toBe('Afgerond');
    await user.click(screen.getByTestId('view-intake'));

    const summary = await screen.findByTestId('intake-summary');
    expect(summary.querySelectorAll('input, select, textarea')).toHaveLength(0);
    expect(screen.getByTestId('summary-client').textContent).toBe('Ahmed Haddad');
    expect(screen.getByTestId('summary-tolk_gebruikt').textContent).toContain('Ja');
    expect(screen.getByTestId('summary-vervoer').textContent).toContain('Openbaar vervoer');
    expect(screen.getByTestId('summary-kind_geboortedatum-1').textContent).toContain('01-01-2018');
    expect(screen.getByTestId('summary-kind_leeftijd-1').textContent).toContain('7');
    expect(screen.getByTestId('sessions-table').textContent).toContain('90 min');
    expect(summary.textContent).not.toContain('Huisarts?');

    await user.click(screen.getByTestId('print-summary'));
    expect(print).toHaveBeenCalledOnce();

    await user.click(screen.getByTestId('reopen-intake'));
    await user.click(screen.getByTestId('confirm-reopen'));
    expect(screen.getByRole('alert').textContent).toContain('Geef een reden');
    expect(calls.some((c) => c.cmd === 'reopen_intake')).toBe(false);

    await user.type(screen.getByTestId('reopen-reason'), 'Nieuwe informatie over de kinderen');
    await user.click(screen.getByTestId('confirm-reopen'));
    await screen.findByTestId('intake-wizard');
    expect(calls.find((c) => c.cmd === 'reopen_intake')!.args).toEqual({
      intakeId: INTAKE_ID,
      reason: 'Nieuwe informatie over de kinderen',
    });
    expect(screen.getByTestId('intake-notice').textContent).toBe('De intake is heropend.');
  });

  it('continues an intake in progress', async () => {
    const b = backend();
    const calls = installIpc({ ...b.handlers, client_intakes: () => [intake()] });
    const user = userEvent.setup();
    render(IntakeTab, { props: { client: CLIENT } });

    expect((await screen.findByTestId('intake-status')).textContent).toBe('Bezig');
    expect(screen.getByTestId('intake-latest').textContent).toContain('Gestart 10-03-2025');
    await user.click(screen.getByTestId('continue-intake'));
    await screen.findByTestId('intake-wizard');
    expect(calls.find((c) => c.cmd === 'open_intake')!.args).toEqual({ intakeId: INTAKE_ID });
  });
});
