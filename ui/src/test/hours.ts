// Fixtures for the hours ledger, portfolio, absences, reports and exams.
import type { Absence, HourEntry, PortfolioLine, PortfolioView, ProgressReport } from '../api';

export const CLIENT_ID = 'c-1';

let n = 0;

export function entry(overrides: Partial<HourEntry> = {}): HourEntry {
  n += 1;
  return {
    id: `e${n}`,
    client_id: CLIENT_ID,
    reverses: null,
    reason: null,
    report_id: null,
    recorded_by: 'Fatima de Vries',
    recorded_at: '2025-03-10T10:00:00Z',
    date: '2025-03-10',
    quarters: 8,
    category: 'taal',
    source: 'consultant',
    provider: 'Taalhuis Leiden',
    note: null,
    ...overrides,
  };
}

export function line(overrides: Partial<PortfolioLine> = {}): PortfolioLine {
  return {
    target: 'taal',
    required: null,
    done: 0,
    planned: null,
    behind: false,
    contributions: [],
    ...overrides,
  };
}

export function absence(overrides: Partial<Absence> = {}): Absence {
  n += 1;
  return {
    id: `a${n}`,
    client_id: CLIENT_ID,
    recorded_by: 'Fatima de Vries',
    recorded_at: '2025-03-10T10:00:00Z',
    date: '2025-03-03',
    activity: 'Taalles',
    excused: false,
    reason: null,
    source: 'provider_report',
    provider: 'Taalhuis Leiden',
    ...overrides,
  };
}

export function report(overrides: Partial<ProgressReport> = {}): ProgressReport {
  n += 1;
  return {
    id: `r${n}`,
    client_id: CLIENT_ID,
    recorded_by: 'Fatima de Vries',
    recorded_at: '2025-01-05T10:00:00Z',
    provider: 'Taalhuis Leiden',
    period_start: '2024-10-01',
    period_end: '2024-12-31',
    attendance_pct: 88,
    levels: { lezen: 'A2', luisteren: 'A2', spreken: 'A1', schrijven: null, knm: 'B1' },
    obstacles: null,
    course_hours: 384,
    map_theory_hours: 0,
    map_practice_hours: 16,
    stagnating: false,
    text: null,
    ...overrides,
  };
}

/**
 * A portfolio looked at as B1-route: 12 of 40 hours taal (made of the entries), participatie with no
 * requirement, planned pace for taal at 20 hours.
 */
export function portfolioView(overrides: Partial<PortfolioView> = {}): PortfolioView {
  const entries = overrides.entries ?? [
    entry({ id: 'e2', date: '2025-03-12', quarters: 16, note: 'Les week 11' }),
    entry({ id: 'e1', date: '2025-03-05', quarters: 32 }),
  ];
  const done = entries.filter((e) => e.category === 'taal').reduce((s, e) => s + e.quarters, 0);
  return {
    portfolio: {
      route: 'b1',
      lines: [
        line({
          target: 'taal',
          required: 160,
          done,
          planned: 80,
          behind: done < 80 * 0.8,
          contributions: entries
            .filter((e) => e.category === 'taal')
            .map((e) => ({ entry_id: e.id, date: e.date, category: e.category, source: e.source, provider: e.provider, counted: e.quarters })),
        }),
        line({ target: 'participatie', required: null, done: 6 }),
      ],
      afschalen_threshold: 2400,
      afschalen_allowed: false,
      complete: false,
    },
    route_assumed: true,
    plan: { start: null, end: null },
    entries,
    absences: [],
    absence_clusters: [],
    reports: [],
    exams: [],
    providers: ['Taalhuis Leiden', 'ROC Mondriaan'],
    ...overrides,
  };
}
