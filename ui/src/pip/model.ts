// Pure helpers of the PIP tab: the editable form of a concept and what the tab derives.
import type {
  CefrLevel,
  FieldError,
  Leerroute,
  MapExemption,
  PipContent,
  PipVersion,
  VersionKind,
} from '../api';
import { EMPTY, daysBetween, formatDate } from '../lib/format';
import { LEERROUTE_LABELS, MAP_EXEMPTION_LABELS, VERSION_KIND_LABELS } from '../lib/labels';

/** The fields of PipContent, in the order the form and the read-only view show them. */
export const CONTENT_FIELDS = [
  'kind',
  'reason',
  'leerroute',
  'target_level',
  'goals',
  'provider',
  'waiting_list_date',
  'course_start_date',
  'map_exemption',
  'map_exemption_reason',
  'map_agreement',
  'pvt_agreement',
  'participation_hours_per_week',
  'participation_agreement',
  'participatiewet',
  'preconditions',
  'monitoring',
] as const satisfies readonly (keyof PipContent)[];

/** Every field the concept form and its adopt box show (a broken rule there is shown at the field). */
export const FORM_FIELDS: readonly string[] = [...CONTENT_FIELDS, 'dagtekening', 'late_reason'];

type TextField =
  | 'reason'
  | 'goals'
  | 'provider'
  | 'waiting_list_date'
  | 'course_start_date'
  | 'map_exemption_reason'
  | 'map_agreement'
  | 'pvt_agreement'
  | 'participation_agreement'
  | 'participatiewet'
  | 'preconditions'
  | 'monitoring';

/** A concept as the form edits it: text as typed ('' is empty), selects as '' or a code. */
export type PipDraft = { [K in TextField]: string } & {
  kind: VersionKind;
  leerroute: Leerroute | '';
  target_level: CefrLevel | '';
  map_exemption: MapExemption;
  /** As typed; a whole number of hours. */
  participation_hours_per_week: string;
};

export function toDraft(c: PipContent): PipDraft {
  return {
    kind: c.kind,
    reason: c.reason ?? '',
    leerroute: c.leerroute ?? '',
    target_level: c.target_level ?? '',
    goals: c.goals ?? '',
    provider: c.provider ?? '',
    waiting_list_date: c.waiting_list_date ?? '',
    course_start_date: c.course_start_date ?? '',
    map_exemption: c.map_exemption,
    map_exemption_reason: c.map_exemption_reason ?? '',
    map_agreement: c.map_agreement ?? '',
    pvt_agreement: c.pvt_agreement ?? '',
    participation_hours_per_week:
      c.participation_hours_per_week == null ? '' : String(c.participation_hours_per_week),
    participation_agreement: c.participation_agreement ?? '',
    participatiewet: c.participatiewet ?? '',
    preconditions: c.preconditions ?? '',
    monitoring: c.monitoring ?? '',
  };
}

function text(value: string): string | null {
  const t = value.trim();
  return t === '' ? null : t;
}

/** Reads the participation hours: `undefined` when they are not a whole number from 0 to 255. */
export function parseWeekHours(value: string): number | null | undefined {
  const t = value.trim();
  if (t === '') return null;
  if (!/^\d{1,3}$/.test(t)) return undefined;
  const n = Number(t);
  return n <= 255 ? n : undefined;
}

/** The content to save; `null` when the participation hours cannot be read. */
export function fromDraft(d: PipDraft): PipContent | null {
  const hours = parseWeekHours(d.participation_hours_per_week);
  if (hours === undefined) return null;
  return {
    kind: d.kind,
    reason: text(d.reason),
    leerroute: d.leerroute === '' ? null : d.leerroute,
    target_level: d.target_level === '' ? null : d.target_level,
    goals: text(d.goals),
    provider: text(d.provider),
    waiting_list_date: text(d.waiting_list_date),
    course_start_date: text(d.course_start_date),
    map_exemption: d.map_exemption,
    map_exemption_reason: d.map_exemption === 'geen' ? null : text(d.map_exemption_reason),
    map_agreement: text(d.map_agreement),
    pvt_agreement: text(d.pvt_agreement),
    participation_hours_per_week: hours,
    participation_agreement: text(d.participation_agreement),
    participatiewet: text(d.participatiewet),
    preconditions: text(d.preconditions),
    monitoring: text(d.monitoring),
  };
}

/** The content part of a version. */
export function contentOf(v: PipVersion): PipContent {
  const c = {} as Record<string, unknown>;
  for (const f of CONTENT_FIELDS) c[f] = v[f];
  return c as PipContent;
}

/** Whether the draft differs from the saved version (as it would be saved). */
export function isDirty(d: PipDraft, saved: PipVersion): boolean {
  const now = fromDraft(d);
  if (!now) return true;
  const before = contentOf(saved);
  return CONTENT_FIELDS.some((f) => now[f] !== before[f]);
}

/** The latest vastgestelde version, if any. */
export function latestAdopted(versions: readonly PipVersion[]): PipVersion | null {
  for (let i = versions.length - 1; i >= 0; i -= 1) {
    if (versions[i].status === 'vastgesteld') return versions[i];
  }
  return null;
}

/**
 * Weeks on the waiting list of the latest adopted version: until the course starts, or until
 * today while it has not; `null` without a waiting-list date.
 */
export function waitingWeeks(versions: readonly PipVersion[], today: string): number | null {
  const v = latestAdopted(versions);
  if (!v?.waiting_list_date) return null;
  const until = v.course_start_date && v.course_start_date < today ? v.course_start_date : today;
  return Math.max(0, Math.floor(daysBetween(v.waiting_list_date, until) / 7));
}

/** Whether the backend refused a first PIP for lack of a reason why it is late. */
export function asksLateReason(fields: readonly FieldError[]): boolean {
  return fields.some((f) => f.field === 'late_reason');
}

/** Levels that fit a route (A2 in the B1-route only after afschalen). */
export const LEVEL_HINTS: Record<Leerroute, string> = {
  b1: 'B1 of B2; A2 na afschalen (vanaf 600 lesuren)',
  onderwijsroute: 'B1 of B2',
  z_route: 'A1',
};

type ContentField = (typeof CONTENT_FIELDS)[number];

/** The blocks the form and the read-only view group the content in. */
export const SECTIONS: { title: string; fields: readonly ContentField[] }[] = [
  {
    title: 'Leerroute en taal',
    fields: ['kind', 'reason', 'leerroute', 'target_level', 'provider', 'waiting_list_date', 'course_start_date', 'goals'],
  },
  { title: 'MAP en PVT', fields: ['map_exemption', 'map_exemption_reason', 'map_agreement', 'pvt_agreement'] },
  {
    title: 'Participatie',
    fields: ['participation_hours_per_week', 'participation_agreement', 'participatiewet'],
  },
  { title: 'Randvoorwaarden en monitoring', fields: ['preconditions', 'monitoring'] },
];

/** A content field's value in Dutch, for the read-only view. */
export function displayValue(c: PipContent, field: ContentField): string {
  switch (field) {
    case 'kind':
      return VERSION_KIND_LABELS[c.kind] ?? c.kind;
    case 'leerroute':
      return c.leerroute ? LEERROUTE_LABELS[c.leerroute] : EMPTY;
    case 'map_exemption':
      return MAP_EXEMPTION_LABELS[c.map_exemption] ?? c.map_exemption;
    case 'waiting_list_date':
    case 'course_start_date':
      return formatDate(c[field]);
    case 'participation_hours_per_week':
      return c.participation_hours_per_week == null ? EMPTY : `${c.participation_hours_per_week} uur per week`;
    default: {
      const v = c[field];
      return v == null || v === '' ? EMPTY : String(v);
    }
  }
}
