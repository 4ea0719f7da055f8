// Fixtures for PIP versions, the termijn and the timeline.
import type { PipOverview, PipVersion, Termijn, TermijnView } from '../api';

export const CLIENT_ID = 'c-1';

export function pipVersion(overrides: Partial<PipVersion> = {}): PipVersion {
  return {
    id: 'p1',
    client_id: CLIENT_ID,
    number: 1,
    status: 'concept',
    dagtekening: null,
    late_reason: null,
    migrated: false,
    created_by: 'Fatima de Vries',
    created_at: '2025-03-10T10:00:00Z',
    adopted_by: null,
    kind: 'eerste',
    reason: null,
    leerroute: 'b1',
    target_level: 'B1',
    goals: 'Werk: kapper',
    provider: 'Taalhuis Leiden',
    waiting_list_date: null,
    course_start_date: null,
    map_exemption: 'geen',
    map_exemption_reason: null,
    map_agreement: null,
    pvt_agreement: null,
    participation_hours_per_week: null,
    participation_agreement: null,
    participatiewet: null,
    preconditions: 'Kinderopvang regelen',
    monitoring: null,
    ...overrides,
  };
}

/** A termijn that started on 16-03-2024 and ends on 16-03-2027 (today is 14-03-2025). */
export function termijn(overrides: Partial<Termijn> = {}): Termijn {
  return {
    start: '2024-03-16',
    original_end: '2027-03-16',
    end: '2027-03-16',
    extensions: 0,
    exemption: null,
    days_remaining: 732,
    ...overrides,
  };
}

export function termijnView(overrides: Partial<TermijnView> = {}): TermijnView {
  return {
    termijn: null,
    first_pip_deadline: '2025-03-21',
    first_pip_adopted: false,
    extensions: [],
    exemptions: [],
    pauses: [],
    ...overrides,
  };
}

export function pipOverview(overrides: Partial<PipOverview> = {}): PipOverview {
  return {
    versions: [],
    termijn: termijnView(),
    timeline: [],
    course_hours: 48,
    providers: ['Taalhuis Leiden', 'ROC Mondriaan'],
    ...overrides,
  };
}

/** An overview with an adopted first PIP and the termijn it started. */
export function adoptedOverview(overrides: Partial<PipOverview> = {}): PipOverview {
  return pipOverview({
    versions: [
      pipVersion({ status: 'vastgesteld', dagtekening: '2024-03-15', adopted_by: 'Fatima de Vries' }),
    ],
    termijn: termijnView({ termijn: termijn(), first_pip_adopted: true, first_pip_deadline: '2024-04-01' }),
    ...overrides,
  });
}
