import { describe, expect, it } from 'vitest';
import { progressText, reportText, syncLine, syncStateText } from './sync-text';
import { localAt, notConfigured, syncStatus } from '../test/sync';

const NOW = new Date(2025, 2, 14, 15, 0);

describe('the sync status in words', () => {
  it('says in the status bar what the sync is doing', () => {
    expect(syncLine(null, NOW)).toBe('Synchronisatie niet ingesteld');
    expect(syncLine(notConfigured({ pending: 4 }), NOW)).toBe('Synchronisatie niet ingesteld');
    expect(syncLine(syncStatus({ last_success: localAt(2025, 3, 14, 14, 32) }), NOW)).toBe('Gesynchroniseerd om 14:32');
    expect(syncLine(syncStatus({ last_success: localAt(2025, 3, 10, 8, 0) }), NOW)).toBe(
      'Gesynchroniseerd op 10-03-2025 om 08:00',
    );
    expect(syncLine(syncStatus({ last_success: null }), NOW)).toBe('Nog niet gesynchroniseerd');
    expect(syncLine(syncStatus({ state: 'syncing', progress: null }), NOW)).toBe('Synchroniseren…');
    expect(syncLine(syncStatus({ state: 'syncing', progress: { phase: 'apply', done: 3, total: null } }), NOW)).toBe(
      'Synchroniseren… (verwerken)',
    );
    expect(syncLine(syncStatus({ state: 'offline', next_attempt: null }), NOW)).toBe('Offline');
    expect(syncLine(syncStatus({ state: 'failed', last_error: 'x' }), NOW)).toBe('Synchronisatie mislukt');
  });

  it('says it in a sentence on the settings tab', () => {
    expect(syncStateText(syncStatus({ state: 'offline', next_attempt: localAt(2025, 3, 14, 15, 2) }), NOW)).toBe(
      'Offline: de server is nu niet bereikbaar. Volgende poging om 15:02.',
    );
    expect(syncStateText(syncStatus({ state: 'failed', last_error: 'certificaat verlopen' }), NOW)).toBe(
      'Synchronisatie mislukt: certificaat verlopen',
    );
    expect(syncStateText(syncStatus({ state: 'syncing' }), NOW)).toBe('Bezig met synchroniseren…');
  });

  it('describes the progress and the last report', () => {
    expect(progressText({ phase: 'push', done: 1, total: 1 })).toBe('Versturen: 1 van 1 wijziging');
    expect(progressText({ phase: 'pull', done: 250, total: null })).toBe('Ophalen: 250 wijzigingen');
    expect(progressText({ phase: 'apply', done: 0, total: null })).toBe('Verwerken…');
    const report = { pushed: 12, rejected: [], conflicts: 1, pulled: 30, not_applied: [], moved: 0, purged: 0, reset: false };
    expect(reportText(report)).toBe('12 wijzigingen verstuurd, 30 ontvangen, 1 conflict');
    expect(reportText({ ...report, pushed: 1, conflicts: 2, rejected: ['a'], not_applied: ['b', 'c'] })).toBe(
      '1 wijziging verstuurd, 30 ontvangen, 2 conflicten, 1 geweigerd, 2 niet verwerkt',
    );
    expect(reportText({ ...report, pushed: 0, pulled: 0, conflicts: 0 })).toBe('Niets te versturen of te ontvangen');
    expect(reportText({ ...report, conflicts: 0, reset: true })).toBe(
      '12 wijzigingen verstuurd, 30 ontvangen, alles opnieuw opgehaald',
    );
    expect(reportText({ ...report, conflicts: 0, moved: 2 })).toBe(
      '12 wijzigingen verstuurd, 30 ontvangen, 2 dossiers overgedragen aan een ander team',
    );
    expect(reportText({ ...report, conflicts: 0, purged: 1 })).toBe(
      '12 wijzigingen verstuurd, 30 ontvangen, 1 dossier verwijderd na de bewaartermijn',
    );
  });
});
