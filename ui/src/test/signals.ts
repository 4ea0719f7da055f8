// Test helpers for the Werkvoorraad: work items and a small in-memory backend of the signal commands.
import type {
  AckInput,
  GroupSizes,
  NextDeadline,
  Signal,
  SignalCounts,
  SignalSettings,
  Werkvoorraad,
  WerkvoorraadQuery,
  WorkItem,
} from '../api';

export function signal(overrides: Partial<Signal> = {}): Signal {
  return {
    kind: 'intake_due',
    severity: 'warning',
    due: '2025-03-23',
    message: 'De brede intake moet uiterlijk 23-03-2025 klaar zijn (10 weken na de kennisgeving).',
    tab: 'intake',
    fingerprint: 'fp-1',
    ...overrides,
  };
}

export function workItem(overrides: Partial<Omit<WorkItem, 'signal'>> & { signal?: Partial<Signal> } = {}): WorkItem {
  const { signal: s, ...rest } = overrides;
  return {
    client_id: 'c-1',
    client_name: 'Ahmed Haddad',
    municipality: 'Lisse',
    consultant: 'Fatima de Vries',
    ack: null,
    ...rest,
    signal: signal(s),
  };
}

export const SETTINGS: SignalSettings = {
  intake_warning_days: 14,
  termijn_warning_months: 6,
  min_conversations_first_year: 2,
  conversations_warning_days: 60,
  no_conversation_months: 6,
  revision_warning_days: 60,
  z_route_behind_pct: 15,
  modules_warning_months: 12,
  absence_count: 2,
  absence_window_days: 30,
  report_overdue_months: 3,
  report_overdue_stagnating_months: 1,
  turning_18_days: 60,
  onderwijsroute_age_months: 6,
  ontzorgen_warning_days: 30,
  begeleiding_warning_days: 60,
  waiting_weeks: 8,
  no_contact_attempts: 3,
  no_contact_days: 30,
};

const RANK = { error: 0, overdue: 1, warning: 2, info: 3 } as const;

/**
 * The signal commands over a list of work items, as the backend answers them: filtered by the
 * query, acknowledged ones counted apart, sorted by severity then due date; acknowledging sets
 * the item's ack (the reason is required, a date in the past is refused).
 */
export function signalsBackend(items: WorkItem[], today = '2025-03-14') {
  const state = { items: items.map((i) => ({ ...i })), settings: { ...SETTINGS } };

  function sorted(list: WorkItem[]): WorkItem[] {
    return [...list].sort((a, b) => {
      const r = RANK[a.signal.severity] - RANK[b.signal.severity];
      if (r !== 0) return r;
      const da = a.signal.due ?? '9999';
      const db = b.signal.due ?? '9999';
      return da.localeCompare(db) || a.client_name.localeCompare(b.client_name);
    });
  }

  function werkvoorraad(args: Record<string, unknown>): Werkvoorraad {
    const q = args.query as WerkvoorraadQuery;
    const mine = state.items.filter((i) => q.consultant === null || i.consultant === q.consultant);
    const consultants = [...new Set(mine.map((i) => i.consultant).filter((c): c is string => !!c))].sort();
    const matching = mine.filter(
      (i) =>
        (q.municipality === null || i.municipality === q.municipality) &&
        (q.kinds.length === 0 || q.kinds.includes(i.signal.kind)),
    );
    const counts: SignalCounts = { error: 0, overdue: 0, warning: 0, info: 0, acknowledged: 0 };
    for (const i of matching) {
      if (i.ack) counts.acknowledged += 1;
      else counts[i.signal.severity] += 1;
    }
    // As the backend: each severity's most urgent items, at most `per_group` of them.
    const group_sizes: GroupSizes = { error: 0, overdue: 0, warning: 0, info: 0 };
    const items = sorted(matching.filter((i) => q.include_acknowledged || !i.ack)).filter(
      (i) => ++group_sizes[i.signal.severity] <= (q.per_group ?? Infinity),
    );
    return { items, counts, group_sizes, consultants };
  }

  return {
    state,
    /** One client's signals as the opened dossier carries them. */
    clientItems: (clientId: string): WorkItem[] => sorted(state.items.filter((i) => i.client_id === clientId)),
    handlers: {
      werkvoorraad,
      acknowledge_signal: (args: Record<string, unknown>) => {
        const input = args.input as AckInput;
        const fields = [];
        if (input.reason.trim() === '') fields.push({ field: 'reason', rule: 'required', message: 'is verplicht' });
        if (input.until !== null && input.until < today) {
          fields.push({ field: 'until', rule: 'not_in_past', message: 'ligt in het verleden' });
        }
        if (fields.length) return Promise.reject({ code: 'validation', message: 'Ongeldige invoer', fields });
        const item = state.items.find(
          (i) =>
            i.client_id === args.clientId && i.signal.kind === input.kind && i.signal.fingerprint === input.fingerprint,
        );
        if (item) {
          item.ack = { until: input.until, reason: input.reason, by: 'Fatima de Vries', at: `${today}T09:00:00Z` };
        }
        return null;
      },
      next_deadlines: (): NextDeadline[] => {
        const seen = new Set<string>();
        return sorted(state.items.filter((i) => !i.ack && i.signal.due))
          .filter((i) => !seen.has(i.client_id) && !!seen.add(i.client_id))
          .map((i) => ({ client_id: i.client_id, signal: i.signal }));
      },
      signal_settings: () => state.settings,
      default_signal_settings: () => ({ ...SETTINGS }),
      save_signal_settings: (args: Record<string, unknown>) => {
        const settings = args.settings as SignalSettings;
        const fields = Object.entries(settings)
          .filter(([field, n]) => n < 1 || n > (field.endsWith('_days') ? 1830 : field.endsWith('_months') ? 60 : 100))
          .map(([field]) => ({ field, rule: 'range', message: 'moet tussen 1 en 100 liggen' }));
        if (fields.length) return Promise.reject({ code: 'validation', message: 'Ongeldige invoer', fields });
        state.settings = { ...settings };
        return state.settings;
      },
    },
  };
}

/** A caseload of a consultant and a colleague, one signal of every severity and one put aside. */
export function sampleItems(): WorkItem[] {
  return [
    workItem({
      client_id: 'c-1',
      client_name: 'Ahmed Haddad',
      signal: { kind: 'intake_due', severity: 'warning', due: '2025-03-23', tab: 'intake', fingerprint: 'i1' },
    }),
    workItem({
      client_id: 'c-2',
      client_name: 'Mariam Tesfay',
      municipality: 'Noordwijk',
      signal: {
        kind: 'provider_report_overdue',
        severity: 'overdue',
        due: '2025-03-09',
        message: 'Geen rapportage van Taalhuis Bollenstreek sinds 09-12-2024 (meer dan 3 maanden).',
        tab: 'reports',
        fingerprint: 'r1',
      },
    }),
    workItem({
      client_id: 'c-3',
      client_name: 'Olena Kovalenko',
      signal: {
        kind: 'turning18',
        severity: 'info',
        due: '2025-04-20',
        message: 'Wordt 18 op 20-04-2025: eigen inburgeringsplicht.',
        tab: 'overview',
        fingerprint: 't1',
      },
    }),
    workItem({
      client_id: 'c-4',
      client_name: 'Yusuf Demir',
      consultant: 'Jan Jansen',
      municipality: 'Hillegom',
      signal: {
        kind: 'absence',
        severity: 'warning',
        due: '2025-03-20',
        message: '2 keer ongeoorloofd afwezig in de laatste 30 dagen.',
        tab: 'absences',
        fingerprint: 'a1',
      },
    }),
    workItem({
      client_id: 'c-5',
      client_name: 'Sara Bekele',
      signal: {
        kind: 'data_quality',
        severity: 'error',
        due: null,
        message: 'De datum van de kennisgeving ontbreekt.',
        tab: 'overview',
        fingerprint: 'd1',
      },
    }),
    workItem({
      client_id: 'c-1',
      client_name: 'Ahmed Haddad',
      signal: {
        kind: 'no_contact',
        severity: 'warning',
        due: '2025-03-30',
        message: '3 mislukte contactpogingen, geen contact sinds 10-02-2025.',
        tab: 'contacts',
        fingerprint: 'n1',
      },
      ack: { until: '2025-03-21', reason: 'Wacht op terugbellen', by: 'Fatima de Vries', at: '2025-03-13T10:00:00Z' },
    }),
  ];
}
