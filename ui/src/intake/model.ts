// Read-only views over an IntakeView. The backend's evaluation decides visibility, computed
// values, errors and completeness; these helpers only look things up and format them.
import type {
  AnswerValue,
  Group,
  GroupState,
  InstanceState,
  IntakeView,
  Question,
  QuestionState,
} from '../api';
import { EMPTY, formatDate } from '../lib/format';

export function answerKey(questionId: string, instance: number): string {
  return `${questionId}#${instance}`;
}

/** Stored answers by `answerKey`. */
export function answerMap(view: IntakeView): Map<string, AnswerValue> {
  return new Map(view.answers.map((a) => [answerKey(a.question_id, a.instance), a.value]));
}

export type Section = {
  group: Group;
  state: GroupState;
  /** Required answers still missing in this group (incl. "too few entries"). */
  missing: number;
  /** Visible questions whose answer breaks a rule. */
  errors: number;
};

/** Every group of the questionnaire with its state, in questionnaire order. */
export function allSections(view: IntakeView): Section[] {
  const states = new Map(view.evaluation.groups.map((g) => [g.id, g]));
  return view.questionnaire.groups.map((group) => {
    const state = states.get(group.id) ?? { id: group.id, visible: false, instances: [] };
    const missing = view.evaluation.missing.filter((m) => m.group_id === group.id).length;
    const errors = state.visible
      ? state.instances.flatMap((i) => i.questions).filter((q) => q.visible && q.error).length
      : 0;
    return { group, state, missing, errors };
  });
}

export function visibleSections(view: IntakeView): Section[] {
  return allSections(view).filter((s) => s.state.visible);
}

export function questionState(instance: InstanceState, questionId: string): QuestionState | undefined {
  return instance.questions.find((q) => q.id === questionId);
}

/** Visible required (not computed) questions, and how many of them are answered. */
export type Problem = {
  kind: 'missing' | 'error';
  groupId: string;
  groupTitle: string;
  /** 0 outside repeat groups. */
  instance: number;
  /** "Kind 2" for a repeat entry, otherwise null. */
  instanceLabel: string | null;
  /** A question id, or the group id when a repeat group has too few entries. */
  questionId: string;
  text: string;
  message: string | null;
};

/** "Kind 2": the entry's position (1-based) among the group's current entries. */
export function instanceLabel(group: Group, state: GroupState | undefined, instance: number): string | null {
  if (!group.repeat || instance === 0) return null;
  const index = state?.instances.findIndex((i) => i.instance === instance) ?? -1;
  return `${group.repeat.label} ${index >= 0 ? index + 1 : instance}`;
}

/** Everything that stands in the way of completing: missing answers, then broken ones. */
export function problems(view: IntakeView): Problem[] {
  const sections = allSections(view);
  const byId = new Map(sections.map((s) => [s.group.id, s]));
  const list: Problem[] = view.evaluation.missing.map((m) => {
    const section = byId.get(m.group_id);
    return {
      kind: 'missing',
      groupId: m.group_id,
      groupTitle: section?.group.title ?? m.group_id,
      instance: m.instance,
      instanceLabel: section ? instanceLabel(section.group, section.state, m.instance) : null,
      questionId: m.question_id,
      text: m.text,
      message: null,
    };
  });
  for (const { group, state } of sections) {
    if (!state.visible) continue;
    for (const instance of state.instances) {
      for (const q of instance.questions) {
        if (!q.visible || !q.error) continue;
        list.push({
          kind: 'error',
          groupId: group.id,
          groupTitle: group.title,
          instance: instance.instance,
          instanceLabel: instanceLabel(group, state, instance.instance),
          questionId: q.id,
          text: group.questions.find((d) => d.id === q.id)?.text ?? q.id,
          message: q.error,
        });
      }
    }
  }
  return list;
}

function formatNumber(n: number): string {
  return n.toLocaleString('nl-NL', { maximumFractionDigits: 2 });
}

/** An answer (or computed value) in Dutch: dd-mm-jjjj, Ja/Nee, option labels. */
export function formatAnswer(question: Question, value: AnswerValue | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY;
    return value.map((v) => question.options.find((o) => o.value === v)?.label ?? v).join(', ');
  }
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nee';
  if (typeof value === 'number') {
    if (question.type === 'scale' && question.max !== null) {
      return `${formatNumber(value)} van ${formatNumber(question.max)}`;
    }
    return formatNumber(value);
  }
  switch (question.type) {
    case 'date':
      return formatDate(value);
    case 'single_choice':
    case 'multiple_choice':
      return question.options.find((o) => o.value === value)?.label ?? value;
    default:
      return value;
  }
}

/** The value a text-like input shows for a stored answer. */
export function toDraft(value: AnswerValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return '';
}

/** A text or number input's value as the JSON answer to save; undefined when it is no number. */
export function fromDraft(question: Question, draft: string): AnswerValue | undefined {
  const text = draft.trim();
  if (text === '') return null;
  if (question.type === 'number' || question.type === 'scale') {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) ? n : undefined;
  }
  return draft;
}

export function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The DOM hook of a question wrapper: `q-{id}`, or `q-{id}-{instance}` in a repeat entry. */
export function questionTestId(questionId: string, instance: number): string {
  return instance === 0 ? `q-${questionId}` : `q-${questionId}-${instance}`;
}
