// Date formatting in the Dutch notation (dd-mm-jjjj).
import {
  CHANNEL_LABELS,
  CLIENT_TYPE_LABELS,
  CLOSING_REASON_LABELS,
  CORE_VALUE_LABELS,
  CULPABILITY_LABELS,
  ENFORCEMENT_DECISION_LABELS,
  ENFORCEMENT_TRIGGER_LABELS,
  MAP_THEME_LABELS,
  REFERRAL_TARGET_LABELS,
  WORK_KIND_LABELS,
  EXAM_PART_LABELS,
  EXAM_RESULT_LABELS,
  EXEMPTION_KIND_LABELS,
  HOUR_CATEGORY_LABELS,
  LEERROUTE_LABELS,
  MAP_EXEMPTION_LABELS,
  OUTCOME_LABELS,
  PIP_STATUS_LABELS,
  GENDER_LABELS,
  STATUS_LABELS,
  SUBTYPE_LABELS,
  VERSION_KIND_LABELS,
  VIEW_LABELS,
  SIGNAL_KIND_LABELS,
} from './labels';

export const EMPTY = '—';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → 'dd-mm-jjjj'; empty → '—'. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const m = ISO_DATE.exec(value.slice(0, 10));
  if (!m) return value;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso.slice(0, 10));
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` lies before `from`. */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

function days(n: number): string {
  return `${n.toLocaleString('nl-NL')} ${n === 1 ? 'dag' : 'dagen'}`;
}

/** Days left until a date: "nog 12 dagen", "vandaag", "verstreken sinds 3 dagen". */
export function daysLeftText(remaining: number): string {
  if (remaining === 0) return 'vandaag';
  return remaining > 0 ? `nog ${days(remaining)}` : `verstreken sinds ${days(-remaining)}`;
}

/** How far a date is from today: "over 9 dagen", "vandaag", "5 dagen geleden". */
export function relativeDays(today: string, date: string): string {
  const n = daysBetween(today, date);
  if (Number.isNaN(n)) return '';
  if (n === 0) return 'vandaag';
  return n > 0 ? `over ${days(n)}` : `${days(-n)} geleden`;
}

/** 'YYYY-MM-DD' → "vrijdag 14 maart 2025". */
export function formatLongDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const n = dayNumber(value);
  if (Number.isNaN(n)) return value;
  return new Intl.DateTimeFormat('nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(n * 86_400_000));
}

/** 'YYYY-MM-DD' plus `n` days. */
export function addDays(date: string, n: number): string {
  const d = dayNumber(date);
  if (Number.isNaN(d)) return date;
  return new Date((d + n) * 86_400_000).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** RFC3339 timestamp → 'dd-mm-jjjj hh:mm' in local time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** RFC3339 timestamp → 'hh:mm' in local time; empty → '—'. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** RFC3339 timestamp → 'dd-mm-jjjj om hh:mm' in local time; empty → '—'. */
export function formatDateTimeAt(value: string | null | undefined): string {
  const text = formatDateTime(value);
  return /^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/.test(text) ? `${text.slice(0, 10)} om ${text.slice(11)}` : text;
}

/**
 * When something happened or will happen, after a verb: "om 14:32" on the day of `now`,
 * "op 13-03-2025 om 14:32" on another day (local time).
 */
export function formatWhen(value: string, now: Date = new Date()): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const sameDay =
    d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  return sameDay ? `om ${formatTime(value)}` : `op ${formatDateTimeAt(value)}`;
}

/** RFC3339 timestamp → 'dd-mm-jjjj', the day in local time. */
export function formatDay(value: string | null | undefined): string {
  const text = formatDateTime(value);
  return /^\d{2}-\d{2}-\d{4} /.test(text) ? text.slice(0, 10) : text;
}

export function orEmpty(value: string | null | undefined): string {
  return value == null || value.trim() === '' ? EMPTY : value;
}

export function fullName(c: { given_name: string; family_name: string }): string {
  return `${c.given_name} ${c.family_name}`.trim();
}

const DATE_FIELDS = new Set([
  'birth_date',
  'brp_registration_date',
  'kennisgeving_date',
  'obligation_date',
  'housing_date',
  'date',
  'waiting_list_date',
  'course_start_date',
  'dagtekening',
  'decision_date',
  'new_end',
  'from',
  'until',
  'next_date',
  'signed_on',
  'opened_on',
  'decided_on',
  'start',
  'end',
  'extended_until',
  'huur_from',
  'zorgverzekering_from',
  'energie_from',
  'water_from',
  'walk_in_until',
  'outcome_date',
]);

/** Renders a raw audit value of a field in Dutch. */
export function formatFieldValue(field: string, value: string | null | undefined): string {
  if (value == null || value === '') return EMPTY;
  if (DATE_FIELDS.has(field)) return formatDate(value);
  const maps: Record<string, Record<string, string>> = {
    gender: GENDER_LABELS,
    client_type: CLIENT_TYPE_LABELS,
    statushouder_subtype: SUBTYPE_LABELS,
    status: { ...PIP_STATUS_LABELS, ...STATUS_LABELS },
    view: VIEW_LABELS,
    leerroute: LEERROUTE_LABELS,
    kind: { ...VERSION_KIND_LABELS, ...EXEMPTION_KIND_LABELS, ...WORK_KIND_LABELS },
    map_exemption: MAP_EXEMPTION_LABELS,
    topic: CORE_VALUE_LABELS,
    theme: MAP_THEME_LABELS,
    trigger: ENFORCEMENT_TRIGGER_LABELS,
    decision: ENFORCEMENT_DECISION_LABELS,
    culpability: CULPABILITY_LABELS,
    target: REFERRAL_TARGET_LABELS,
    reason: CLOSING_REASON_LABELS,
  };
  const map = maps[field];
  if (map) return map[value] ?? value;
  if (field === 'contact_attempt') {
    // Backend summary: 'YYYY-MM-DD via <channel>: <outcome>'.
    const m = /^(\d{4}-\d{2}-\d{2}) via (\w+): (\w+)$/.exec(value);
    if (m) {
      const channel = CHANNEL_LABELS[m[2] as keyof typeof CHANNEL_LABELS] ?? m[2];
      const outcome = OUTCOME_LABELS[m[3] as keyof typeof OUTCOME_LABELS] ?? m[3];
      return `${formatDate(m[1])} via ${channel.toLowerCase()}: ${outcome.toLowerCase()}`;
    }
    return value;
  }
  if (field === 'hours' || field === 'reversal') {
    // Backend summary: '<hours> uur <category> op YYYY-MM-DD'.
    const m = /^(-?[\d,]+) uur (\w+) op (\d{4}-\d{2}-\d{2})$/.exec(value);
    if (m) {
      const category = HOUR_CATEGORY_LABELS[m[2] as keyof typeof HOUR_CATEGORY_LABELS] ?? m[2];
      return `${m[1]} uur ${category} op ${formatDate(m[3])}`;
    }
    return value;
  }
  if (field === 'exam') {
    // Backend summary: '<part> <level> op YYYY-MM-DD: <result>'.
    const m = /^(\w+) (\w*) op (\d{4}-\d{2}-\d{2}): (\w+)$/.exec(value);
    if (m) {
      const part = EXAM_PART_LABELS[m[1] as keyof typeof EXAM_PART_LABELS] ?? m[1];
      const result = EXAM_RESULT_LABELS[m[4] as keyof typeof EXAM_RESULT_LABELS] ?? m[4];
      return `${part}${m[2] ? ` ${m[2]}` : ''} op ${formatDate(m[3])}: ${result.toLowerCase()}`;
    }
    return value;
  }
  if (field === 'signal') {
    // Backend summary: '<kind> afgehandeld' or '<kind> gesnoozed tot en met YYYY-MM-DD'.
    const m = /^(\w+) (afgehandeld|gesnoozed tot en met (\d{4}-\d{2}-\d{2}))$/.exec(value);
    if (m) {
      const kind = SIGNAL_KIND_LABELS[m[1] as keyof typeof SIGNAL_KIND_LABELS] ?? m[1];
      return m[3] ? `${kind}: gesnoozed tot en met ${formatDate(m[3])}` : `${kind}: afgehandeld`;
    }
    return value;
  }
  if (field === 'progress_report') {
    // Backend summary: '<provider> YYYY-MM-DD t/m YYYY-MM-DD'.
    const m = /^(.*) (\d{4}-\d{2}-\d{2}) t\/m (\d{4}-\d{2}-\d{2})$/.exec(value);
    if (m) return `${m[1]} ${formatDate(m[2])} t/m ${formatDate(m[3])}`;
    return value;
  }
  if (value.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(value);
      if (Array.isArray(list)) return list.length ? list.map(String).join(', ') : EMPTY;
    } catch {
      // not JSON; show as-is
    }
  }
  if (value === 'true' || value === 'ja') return 'Ja';
  if (value === 'false' || value === 'nee') return 'Nee';
  return value;
}
