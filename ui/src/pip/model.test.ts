import { describe, expect, it } from 'vitest';
import { contentOf, fromDraft, isDirty, parseWeekHours, toDraft, waitingWeeks } from './model';
import { pipVersion } from '../test/pip';

describe('PIP model', () => {
  it('round-trips a version through the form draft', () => {
    const v = pipVersion({ participation_hours_per_week: 8, waiting_list_date: '2025-01-06' });
    const d = toDraft(contentOf(v));
    expect(d.participation_hours_per_week).toBe('8');
    expect(d.reason).toBe('');
    expect(fromDraft(d)).toEqual(contentOf(v));
    expect(isDirty(d, v)).toBe(false);
    d.goals = '  Werk: kapper  ';
    expect(isDirty(d, v)).toBe(false);
    d.monitoring = 'Elk kwartaal';
    expect(isDirty(d, v)).toBe(true);
  });

  it('drops the MAP reason without an exemption and refuses unreadable hours', () => {
    const d = toDraft(contentOf(pipVersion()));
    d.map_exemption_reason = 'Werkt al';
    expect(fromDraft(d)!.map_exemption_reason).toBeNull();
    d.map_exemption = 'volledig';
    expect(fromDraft(d)!.map_exemption_reason).toBe('Werkt al');
    expect(parseWeekHours('')).toBeNull();
    expect(parseWeekHours('12')).toBe(12);
    expect(parseWeekHours('1,5')).toBeUndefined();
    d.participation_hours_per_week = 'acht';
    expect(fromDraft(d)).toBeNull();
  });

  it('counts the weeks on the waiting list of the latest adopted version', () => {
    const adopted = (o: Parameters<typeof pipVersion>[0]) => pipVersion({ status: 'vastgesteld', dagtekening: '2024-12-01', ...o });
    expect(waitingWeeks([adopted({})], '2025-03-14')).toBeNull();
    // Still waiting: until today.
    expect(waitingWeeks([adopted({ waiting_list_date: '2025-01-31' })], '2025-03-14')).toBe(6);
    // Course started: until the start.
    expect(waitingWeeks([adopted({ waiting_list_date: '2025-01-06', course_start_date: '2025-02-03' })], '2025-03-14')).toBe(4);
    // A planned start still to come: the wait runs until today.
    expect(waitingWeeks([adopted({ waiting_list_date: '2025-01-31', course_start_date: '2025-04-01' })], '2025-03-14')).toBe(6);
    // A concept does not count.
    expect(waitingWeeks([pipVersion({ waiting_list_date: '2025-01-06' })], '2025-03-14')).toBeNull();
  });
});
