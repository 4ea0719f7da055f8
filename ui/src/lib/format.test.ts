import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  daysLeftText,
  formatDate,
  formatDateTimeAt,
  formatDay,
  formatFieldValue,
  formatLongDate,
  formatTime,
  formatWhen,
  fullName,
  orEmpty,
  relativeDays,
} from './format';
import { SIGNAL_KIND_LABELS, changeCount, clientCount, conflictCount, pendingCount, signalCount } from './labels';
import type { SignalKind } from '../api';

describe('format', () => {
  it('formats ISO dates as dd-mm-jjjj', () => {
    expect(formatDate('2024-02-09')).toBe('09-02-2024');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
  });

  it('counts days between dates and says how many are left', () => {
    expect(daysBetween('2025-03-14', '2025-03-21')).toBe(7);
    expect(daysBetween('2025-03-14', '2025-03-01')).toBe(-13);
    expect(daysBetween('2024-03-16', '2027-03-16')).toBe(1095);
    expect(daysLeftText(1095)).toBe('nog 1.095 dagen');
    expect(daysLeftText(1)).toBe('nog 1 dag');
    expect(daysLeftText(0)).toBe('vandaag');
    expect(daysLeftText(-3)).toBe('verstreken sinds 3 dagen');
  });

  it('gives the time of a timestamp, with the day when it is not today', () => {
    // Local times, so the test holds in any time zone.
    const at = new Date(2025, 2, 14, 14, 32).toISOString();
    expect(formatTime(at)).toBe('14:32');
    expect(formatTime(new Date(2025, 2, 14, 9, 5).toISOString())).toBe('09:05');
    expect(formatTime(null)).toBe('—');
    expect(formatDateTimeAt(at)).toBe('14-03-2025 om 14:32');
    expect(formatDateTimeAt(undefined)).toBe('—');
    expect(formatWhen(at, new Date(2025, 2, 14, 23, 59))).toBe('om 14:32');
    expect(formatWhen(at, new Date(2025, 2, 15, 0, 1))).toBe('op 14-03-2025 om 14:32');
    expect(formatWhen('nonsense')).toBe('nonsense');
    expect(changeCount(1)).toBe('1 wijziging');
    expect(changeCount(1200)).toBe('1.200 wijzigingen');
    expect(conflictCount(1)).toBe('1 conflict');
    expect(conflictCount(2)).toBe('2 conflicten');
  });

  it('gives the day of a timestamp and renders trajectory audit values in Dutch', () => {
    expect(formatDay('2025-03-14T10:00:00Z')).toBe('14-03-2025');
    expect(formatDay(null)).toBe('—');
    expect(formatFieldValue('next_date', '2025-05-05')).toBe('05-05-2025');
    expect(formatFieldValue('decision', 'boete')).toBe('Bestuurlijke boete');
    expect(formatFieldValue('theme', 'beroepsorientatie')).toBe('Beroepsoriëntatie');
    expect(formatFieldValue('kind', 'werkervaringsplek')).toBe('Werkervaringsplek');
  });

  it('renders PIP audit values in Dutch', () => {
    expect(formatFieldValue('leerroute', 'z_route')).toBe('Z-route');
    expect(formatFieldValue('kind', 'afschalen')).toBe('Afschalen naar A2');
    expect(formatFieldValue('status', 'vastgesteld')).toBe('Vastgesteld');
    expect(formatFieldValue('dagtekening', '2025-03-14')).toBe('14-03-2025');
  });

  it('renders audit values in Dutch', () => {
    expect(formatFieldValue('status', 'in_traject')).toBe('In traject');
    expect(formatFieldValue('client_type', 'overige_migrant')).toBe('Overige migrant');
    expect(formatFieldValue('birth_date', '1990-05-01')).toBe('01-05-1990');
    expect(formatFieldValue('interpreter_needed', 'true')).toBe('Ja');
    expect(formatFieldValue('other_languages', '["Engels","Frans"]')).toBe('Engels, Frans');
    expect(formatFieldValue('view', 'dossier')).toBe('dossier');
    expect(formatFieldValue('phone', null)).toBe('—');
    expect(formatFieldValue('interpreter_needed', 'nee')).toBe('Nee');
    expect(formatFieldValue('contact_attempt', '2025-03-14 via huisbezoek: niet_bereikt')).toBe(
      '14-03-2025 via huisbezoek: niet bereikt',
    );
  });

  it('renders the audit summaries of hours, exams and reports in Dutch', () => {
    expect(formatFieldValue('hours', '1,5 uur map_praktijk op 2025-03-14')).toBe('1,5 uur MAP-praktijk op 14-03-2025');
    expect(formatFieldValue('reversal', '-3,75 uur taal op 2025-03-14')).toBe('-3,75 uur Taal (incl. KNM) op 14-03-2025');
    expect(formatFieldValue('exam', 'lezen B1 op 2025-03-14: behaald')).toBe('Lezen B1 op 14-03-2025: behaald');
    expect(formatFieldValue('exam', 'eindgesprek  op 2025-03-14: niet_behaald')).toBe(
      'Eindgesprek (Z-route) op 14-03-2025: niet behaald',
    );
    expect(formatFieldValue('progress_report', 'Taalhuis Leiden 2025-01-01 t/m 2025-03-31')).toBe(
      'Taalhuis Leiden 01-01-2025 t/m 31-03-2025',
    );
  });

  it('formats names and counters', () => {
    expect(fullName({ given_name: 'Ahmed', family_name: 'Haddad' })).toBe('Ahmed Haddad');
    expect(orEmpty('  ')).toBe('—');
    expect(clientCount(1)).toBe('1 cliënt');
    expect(clientCount(62)).toBe('62 cliënten');
    expect(pendingCount(0)).toBe('0 wijzigingen niet gesynchroniseerd');
  });

  it('says how far a signal’s date is and names today in full', () => {
    expect(relativeDays('2025-03-14', '2025-03-23')).toBe('over 9 dagen');
    expect(relativeDays('2025-03-14', '2025-03-15')).toBe('over 1 dag');
    expect(relativeDays('2025-03-14', '2025-03-14')).toBe('vandaag');
    expect(relativeDays('2025-03-14', '2025-03-09')).toBe('5 dagen geleden');
    expect(formatLongDate('2025-03-14')).toBe('vrijdag 14 maart 2025');
    expect(addDays('2025-03-28', 7)).toBe('2025-04-04');
    expect(addDays('2024-12-28', 7)).toBe('2025-01-04');
  });

  it('names every signal and counts them in Dutch', () => {
    const kinds: SignalKind[] = ['intake_due', 'turning18', 'data_quality', 'pvt_not_signed'];
    expect(kinds.map((k) => SIGNAL_KIND_LABELS[k])).toEqual([
      'Brede intake',
      'Wordt 18',
      'Gegevens ontbreken',
      'Participatieverklaring niet ondertekend',
    ]);
    expect(Object.keys(SIGNAL_KIND_LABELS)).toHaveLength(21);
    expect(signalCount('overdue', 3)).toBe('3 te laat');
    expect(signalCount('warning', 12)).toBe('12 waarschuwingen');
    expect(signalCount('warning', 1)).toBe('1 waarschuwing');
    expect(signalCount('info', 4)).toBe('4 ter info');
    expect(signalCount('error', 1)).toBe('1 fout');
    expect(signalCount('acknowledged', 2)).toBe('2 opzij gelegd');
    // The audit of a signal put aside.
    expect(formatFieldValue('signal', 'termijn_ending gesnoozed tot en met 2025-05-01')).toBe(
      'Termijn loopt af: gesnoozed tot en met 01-05-2025',
    );
    expect(formatFieldValue('signal', 'absence afgehandeld')).toBe('Verzuim: afgehandeld');
  });
});
