// Fixtures for the trajectory tabs (voortgang, handhaving, ondersteuning, werk, afsluiting), and a
// small in-memory backend that answers the trajectory commands as the real one does: each write
// returns the whole, fresh view.
import type {
  ApiError,
  Begeleiding,
  BegeleidingView,
  CaseView,
  Closing,
  EnforcementCase,
  FineRule,
  Ontzorgen,
  OntzorgenView,
  ProgressConversation,
  Referral,
  Stored,
  TrajectoryInput,
  TrajectoryView,
  Warning,
  WorkPeriod,
  WorkView,
} from '../api';

export const CLIENT_ID = 'c-1';

let n = 0;

/** A record as stored: entered by Fatima de Vries on 10-03-2025, never changed. */
export function stored<R>(record: R, overrides: Partial<Omit<Stored<R>, 'record'>> = {}): Stored<R> {
  n += 1;
  return {
    id: `t${n}`,
    client_id: CLIENT_ID,
    record,
    recorded_by: 'Fatima de Vries',
    recorded_at: '2025-03-10T10:00:00Z',
    updated_by: null,
    updated_at: null,
    ...overrides,
  };
}

export function conversation(overrides: Partial<ProgressConversation> = {}): ProgressConversation {
  return {
    date: '2025-02-03',
    attendees: 'Partner',
    interpreter: 'Tolkentelefoon, Arabisch',
    notes: 'Gaat goed met de taalles',
    agreements: 'Stage zoeken via het Werkbedrijf',
    next_date: '2025-05-05',
    ...overrides,
  };
}

export function fineRule(overrides: Partial<FineRule> = {}): FineRule {
  return { code: '3.1', description: 'Verzuim bij de taalles', trigger: 'verzuim', max_cents: 25000, ...overrides };
}

export function enforcementCase(overrides: Partial<EnforcementCase> = {}): EnforcementCase {
  return {
    trigger: 'verzuim',
    opened_on: '2025-02-10',
    investigation: 'Kinderopvang viel weg',
    decision: null,
    decided_on: null,
    culpability: null,
    fine_rule: null,
    fine_cents: null,
    note: null,
    ...overrides,
  };
}

export function caseView(record: EnforcementCase = enforcementCase(), warnings: Warning[] = []): CaseView {
  const c = stored(record);
  return { case: c, warnings: warnings.map((w) => stored({ ...w, case_id: c.id })) };
}

export function warning(overrides: Partial<Warning> = {}): Warning {
  return { case_id: '', date: '2025-02-20', letter_sent: true, note: null, ...overrides };
}

export function ontzorgen(overrides: Partial<Ontzorgen> = {}): Ontzorgen {
  return {
    start: '2025-01-01',
    months: 6,
    extended_until: null,
    huur_from: '2025-01-01',
    zorgverzekering_from: null,
    energie_from: '2025-02-01',
    water_from: null,
    rent_collected_by_corporation: false,
    budget_coach: null,
    note: null,
    ...overrides,
  };
}

export function begeleiding(overrides: Partial<Begeleiding> = {}): Begeleiding {
  return {
    organisation: 'VluchtelingenWerk Nederland',
    contact_person: 'S. de Vries',
    start: '2024-11-02',
    end: null,
    walk_in_until: null,
    note: null,
    ...overrides,
  };
}

export function referral(overrides: Partial<Referral> = {}): Referral {
  return {
    target: 'werkbedrijf',
    target_other: null,
    date: '2025-02-15',
    reason: 'Wil werken als kapper',
    outcome: null,
    outcome_date: null,
    ...overrides,
  };
}

export function workPeriod(overrides: Partial<WorkPeriod> = {}): WorkPeriod {
  return {
    kind: 'betaald_werk',
    employer: 'Bakkerij Van Dam',
    start: '2025-02-24',
    end: null,
    quarters_per_week: 64,
    note: null,
    ...overrides,
  };
}

export function closing(overrides: Partial<Closing> = {}): Closing {
  return { reason: 'diploma', date: '2025-03-01', note: null, ...overrides };
}

export function trajectoryView(overrides: Partial<TrajectoryView> = {}): TrajectoryView {
  return {
    conversations: [],
    pvt_meetings: [],
    pvt_quarters: 0,
    pvt_statement: null,
    map_themes: [],
    map_practice_quarters: 0,
    map_closings: [],
    map_exemption: 'geen',
    map_exemption_reason: null,
    enforcement: [],
    fine_rules: [],
    ontzorgen: [],
    begeleidingen: [],
    referrals: [],
    work: [],
    closing: null,
    exams: [],
    retention_years: 5,
    ...overrides,
  };
}

function addMonths(iso: string, months: number, days = 0): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1 + months, d + days));
  return date.toISOString().slice(0, 10);
}

export function ontzorgenView(record: Ontzorgen = ontzorgen(), warnings: string[] = []): OntzorgenView {
  return { stored: stored(record), end: record.extended_until ?? addMonths(record.start, record.months, -1), warnings };
}

export function begeleidingView(record: Begeleiding = begeleiding()): BegeleidingView {
  const end = record.end ?? addMonths(record.start, 24);
  return { stored: stored(record), end, walk_in_until: record.walk_in_until ?? addMonths(end, 12) };
}

export function workView(record: WorkPeriod = workPeriod(), overrides: Partial<Omit<WorkView, 'stored'>> = {}): WorkView {
  return { stored: stored(record), booked_until: null, to_book: [], ...overrides };
}

type Handler = (args: Record<string, unknown>) => unknown;

/**
 * The trajectory commands over an in-memory view. `reject` may refuse a write with an ApiError
 * (a validation or conflict), as the backend's rules would.
 */
export function trajectoryBackend(
  start: Partial<TrajectoryView> = {},
  reject: (input: TrajectoryInput, recordId: string | null) => ApiError | null = () => null,
): { handlers: Record<string, Handler>; view: () => TrajectoryView } {
  let view = trajectoryView(start);
  const meta = { recorded_by: 'Fatima de Vries', recorded_at: '2025-03-14T10:00:00Z' };
  const changed = { updated_by: 'Jan Jansen', updated_at: '2025-03-14T11:00:00Z' };
  const copy = () => structuredClone(view);

  function add(input: TrajectoryInput): void {
    switch (input.kind) {
      case 'conversation':
        view.conversations = [stored(input.record, meta), ...view.conversations];
        break;
      case 'pvt_meeting':
        view.pvt_meetings = [stored(input.record, meta), ...view.pvt_meetings];
        view.pvt_quarters += input.record.quarters;
        break;
      case 'pvt_statement':
        view.pvt_statement = stored(input.record, meta);
        break;
      case 'map_theme':
        view.map_themes = [stored(input.record, meta), ...view.map_themes];
        break;
      case 'map_closing':
        view.map_closings = [stored(input.record, meta), ...view.map_closings];
        break;
      case 'enforcement':
        view.enforcement = [{ case: stored(input.record, meta), warnings: [] }, ...view.enforcement];
        break;
      case 'warning': {
        const record = input.record;
        view.enforcement = view.enforcement.map((c) =>
          c.case.id === record.case_id ? { ...c, warnings: [stored(record, meta), ...c.warnings] } : c,
        );
        break;
      }
      case 'ontzorgen':
        view.ontzorgen = [{ ...ontzorgenView(input.record), stored: stored(input.record, meta) }, ...view.ontzorgen];
        break;
      case 'begeleiding':
        view.begeleidingen = [{ ...begeleidingView(input.record), stored: stored(input.record, meta) }, ...view.begeleidingen];
        break;
      case 'referral':
        view.referrals = [stored(input.record, meta), ...view.referrals];
        break;
      case 'work':
        view.work = [{ stored: stored(input.record, meta), booked_until: null, to_book: [] }, ...view.work];
        break;
      case 'closing':
        view.closing = {
          stored: stored(input.record, meta),
          retention_end: addMonths(input.record.date, 12 * view.retention_years),
        };
        break;
    }
  }

  function update(id: string, input: TrajectoryInput): void {
    const change = <R>(s: Stored<R>, record: R): Stored<R> => (s.id === id ? { ...s, record, ...changed } : s);
    switch (input.kind) {
      case 'conversation':
        view.conversations = view.conversations.map((s) => change(s, input.record));
        break;
      case 'pvt_statement':
        if (view.pvt_statement) view.pvt_statement = change(view.pvt_statement, input.record);
        break;
      case 'map_closing':
        view.map_closings = view.map_closings.map((s) => change(s, input.record));
        break;
      case 'enforcement':
        view.enforcement = view.enforcement.map((c) => ({ ...c, case: change(c.case, input.record) }));
        break;
      case 'ontzorgen':
        view.ontzorgen = view.ontzorgen.map((o) => ({ ...o, stored: change(o.stored, input.record) }));
        break;
      case 'begeleiding':
        view.begeleidingen = view.begeleidingen.map((b) => ({ ...b, stored: change(b.stored, input.record) }));
        break;
      case 'referral':
        view.referrals = view.referrals.map((s) => change(s, input.record));
        break;
      case 'work':
        view.work = view.work.map((w) => ({ ...w, stored: change(w.stored, input.record) }));
        break;
      case 'closing':
        if (view.closing) view.closing = { ...view.closing, stored: change(view.closing.stored, input.record) };
        break;
      default:
        throw { code: 'conflict', message: 'deze registratie ligt vast en kan niet worden gewijzigd', fields: [] };
    }
  }

  return {
    view: () => view,
    handlers: {
      trajectory: () => copy(),
      add_trajectory_record: (args) => {
        const input = args.input as TrajectoryInput;
        const refused = reject(input, null);
        if (refused) throw refused;
        add(input);
        return copy();
      },
      update_trajectory_record: (args) => {
        const input = args.input as TrajectoryInput;
        const refused = reject(input, args.recordId as string);
        if (refused) throw refused;
        update(args.recordId as string, input);
        return copy();
      },
      book_work_hours: (args) => {
        view.work = view.work.map((w) =>
          w.stored.id === args.workId && w.to_book.length
            ? { ...w, booked_until: w.to_book[w.to_book.length - 1].end, to_book: [] }
            : w,
        );
        return copy();
      },
    },
  };
}

/** A validation error on one field, as the backend sends it. */
export function invalid(field: string, rule: string, message: string): ApiError {
  return { code: 'validation', message: 'Controleer de invoer', fields: [{ field, rule, message }] };
}

/** An element's text with its whitespace collapsed. */
export function text(el: Element | null): string {
  return el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The field error shown in the field whose input has this id. */
export function fieldError(id: string): string {
  return text(document.querySelector(`[data-field="${id}"] [data-testid="field-error"]`));
}
