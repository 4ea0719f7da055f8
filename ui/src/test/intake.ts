// Small hand-made IntakeView fixtures. The evaluation here stands in for the backend's engine:
// `tolk_taal` shows when `tolk_gebruikt` is true, `gezondheid` is never shown, `kind_leeftijd`
// is computed.
import type {
  AnswerValue,
  GroupState,
  Intake,
  IntakeSession,
  IntakeView,
  MissingAnswer,
  Questionnaire,
  QuestionState,
  StoredAnswer,
} from '../api';

export const INTAKE_ID = 'i-1';

const base = {
  help: null,
  required: false,
  show_if: null,
  constraint: null,
  options: [],
  min: null,
  max: null,
  min_label: null,
  max_label: null,
  compute: null,
};

export const QUESTIONNAIRE: Questionnaire = {
  id: 'brede-intake-wi2021',
  version: 1,
  title: 'Brede intake Wi2021',
  description: null,
  groups: [
    {
      id: 'gesprek',
      title: 'Het gesprek',
      intro: 'Hoe het gesprek verloopt.',
      show_if: null,
      repeat: null,
      questions: [
        { ...base, id: 'tolk_gebruikt', type: 'yes_no', text: 'Is er een tolk gebruikt?', required: true },
        { ...base, id: 'tolk_taal', type: 'short_text', text: 'In welke taal?', required: true, show_if: 'tolk_gebruikt' },
        {
          ...base,
          id: 'vervoer',
          type: 'single_choice',
          text: 'Hoe kwam de cliënt?',
          options: [
            { value: 'fiets', label: 'Fiets' },
            { value: 'ov', label: 'Openbaar vervoer' },
          ],
        },
      ],
    },
    {
      id: 'kinderen',
      title: 'Kinderen',
      intro: null,
      show_if: null,
      repeat: { label: 'Kind', min: 1, max: 3 },
      questions: [
        { ...base, id: 'kind_voornaam', type: 'short_text', text: 'Voornaam', required: true },
        { ...base, id: 'kind_geboortedatum', type: 'date', text: 'Geboortedatum' },
        { ...base, id: 'kind_leeftijd', type: 'number', text: 'Leeftijd', compute: 'age(kind_geboortedatum)' },
      ],
    },
    {
      id: 'gezondheid',
      title: 'Gezondheid',
      intro: null,
      show_if: 'false',
      repeat: null,
      questions: [{ ...base, id: 'huisarts', type: 'yes_no', text: 'Huisarts?', required: true }],
    },
  ],
};

export function intake(overrides: Partial<Intake> = {}): Intake {
  return {
    id: INTAKE_ID,
    client_id: 'c-1',
    questionnaire_id: QUESTIONNAIRE.id,
    questionnaire_version: 1,
    status: 'in_progress',
    started_at: '2025-03-10T09:00:00Z',
    completed_at: null,
    ...overrides,
  };
}

type Options = {
  answers?: StoredAnswer[];
  children?: number[];
  status?: Intake['status'];
  sessions?: IntakeSession[];
  errors?: Record<string, string>;
};

function answered(value: AnswerValue | undefined): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/** An IntakeView for the given answers, evaluated like the backend would. */
export function intakeView({ answers = [], children = [], status = 'in_progress', sessions = [], errors = {} }: Options = {}): IntakeView {
  const get = (id: string, instance = 0) => answers.find((a) => a.question_id === id && a.instance === instance)?.value;
  const missing: MissingAnswer[] = [];
  const state = (group: string, id: string, instance: number, visible: boolean, computed: QuestionState['computed'] = null): QuestionState => {
    const q = QUESTIONNAIRE.groups.find((g) => g.id === group)!.questions.find((x) => x.id === id)!;
    const isAnswered = visible && (q.compute ? computed !== null : answered(get(id, instance)));
    if (visible && q.required && !q.compute && !isAnswered) {
      missing.push({ group_id: group, instance, question_id: id, text: q.text });
    }
    return { id, visible, answered: isAnswered, computed: visible ? computed : null, error: (visible && errors[id]) || null };
  };
  const gesprek: GroupState = {
    id: 'gesprek',
    visible: true,
    instances: [
      {
        instance: 0,
        questions: [
          state('gesprek', 'tolk_gebruikt', 0, true),
          state('gesprek', 'tolk_taal', 0, get('tolk_gebruikt') === true),
          state('gesprek', 'vervoer', 0, true),
        ],
      },
    ],
  };
  if (children.length === 0) {
    missing.push({ group_id: 'kinderen', instance: 0, question_id: 'kinderen', text: "Voeg minstens 1 × 'Kind' toe" });
  }
  const kinderen: GroupState = {
    id: 'kinderen',
    visible: true,
    instances: children.map((n) => ({
      instance: n,
      questions: [
        state('kinderen', 'kind_voornaam', n, true),
        state('kinderen', 'kind_geboortedatum', n, true),
        state('kinderen', 'kind_leeftijd', n, true, get('kind_geboortedatum', n) ? 7 : null),
      ],
    })),
  };
  const gezondheid: GroupState = {
    id: 'gezondheid',
    visible: false,
    instances: [{ instance: 0, questions: [{ id: 'huisarts', visible: false, answered: false, computed: null, error: null }] }],
  };
  const complete = missing.length === 0 && Object.keys(errors).length === 0;
  // As the engine counts progress: visible, required, not computed.
  const required = [gesprek, kinderen, gezondheid]
    .filter((g) => g.visible)
    .flatMap((g) => {
      const definition = QUESTIONNAIRE.groups.find((d) => d.id === g.id);
      return g.instances.flatMap((i) =>
        i.questions.filter((q) => {
          const question = definition?.questions.find((d) => d.id === q.id);
          return q.visible && question?.required && !question.compute;
        }),
      );
    });
  return {
    intake: intake({
      status,
      completed_at: status === 'completed' ? '2025-03-14T15:00:00Z' : null,
    }),
    questionnaire: QUESTIONNAIRE,
    answers,
    repeats: [{ group_id: 'kinderen', instances: children }],
    sessions,
    evaluation: {
      groups: [gesprek, kinderen, gezondheid],
      missing,
      required: required.length,
      required_answered: required.filter((q) => q.answered).length,
      complete,
    },
  };
}

export function session(overrides: Partial<IntakeSession> = {}): IntakeSession {
  return {
    id: 's-1',
    intake_id: INTAKE_ID,
    recorded_by: 'Fatima de Vries',
    recorded_at: '2025-03-10T11:00:00Z',
    date: '2025-03-10',
    interpreter: 'tolkentelefoon',
    interpreter_language: 'Arabisch',
    duration_minutes: 90,
    note: null,
    ...overrides,
  };
}
