// The sync status in Dutch words: the status bar's line, the state in Instellingen →
// Synchronisatie, a running sync's progress and what the last sync did.
import type { SyncProgress, SyncReport, SyncStatus } from '../api';
import { formatWhen } from './format';
import { SYNC_PHASE_LABELS, changeCount, conflictCount } from './labels';

/** The colour of the status dot: grey, green, blue (pulsing), orange, red. */
export type SyncTone = 'off' | 'ok' | 'busy' | 'offline' | 'failed';

export function syncTone(status: SyncStatus | null): SyncTone {
  switch (status?.state ?? 'not_configured') {
    case 'not_configured':
      return 'off';
    case 'idle':
      return 'ok';
    case 'syncing':
      return 'busy';
    case 'offline':
      return 'offline';
    case 'failed':
    case 'wiped':
      return 'failed';
  }
}

/** Whether this laptop is logged in on a sync server. */
export function isConfigured(status: SyncStatus | null): boolean {
  return !!status?.account && status.state !== 'not_configured';
}

function n(value: number): string {
  return value.toLocaleString('nl-NL');
}

/** A running sync in short: "1.200 van 3.400" when the total is known, "(ophalen)" otherwise. */
export function progressShort(progress: SyncProgress | null): string {
  if (!progress) return '';
  if (progress.total !== null) return `${n(progress.done)} van ${n(progress.total)}`;
  return `(${SYNC_PHASE_LABELS[progress.phase].toLowerCase()})`;
}

/** A running sync in full: "Versturen: 1.200 van 3.400 wijzigingen", "Ophalen…", "Ophalen: 250 wijzigingen". */
export function progressText(progress: SyncProgress | null): string {
  if (!progress) return 'Synchroniseren…';
  const phase = SYNC_PHASE_LABELS[progress.phase];
  if (progress.total !== null) {
    return `${phase}: ${n(progress.done)} van ${n(progress.total)} ${progress.total === 1 ? 'wijziging' : 'wijzigingen'}`;
  }
  return progress.done > 0 ? `${phase}: ${changeCount(progress.done)}` : `${phase}…`;
}

/** The status bar's line, e.g. "Gesynchroniseerd om 14:32". */
export function syncLine(status: SyncStatus | null, now: Date = new Date()): string {
  if (!status || !isConfigured(status)) return 'Synchronisatie niet ingesteld';
  switch (status.state) {
    case 'idle':
      return status.last_success
        ? `Gesynchroniseerd ${formatWhen(status.last_success, now)}`
        : 'Nog niet gesynchroniseerd';
    case 'syncing': {
      const progress = progressShort(status.progress);
      return progress ? `Synchroniseren… ${progress}` : 'Synchroniseren…';
    }
    case 'offline':
      return status.next_attempt ? `Offline — volgende poging ${formatWhen(status.next_attempt, now)}` : 'Offline';
    case 'failed':
      return 'Synchronisatie mislukt';
    default:
      return 'Synchronisatie niet ingesteld';
  }
}

/** The state in a sentence, for Instellingen → Synchronisatie. */
export function syncStateText(status: SyncStatus | null, now: Date = new Date()): string {
  if (!status || !isConfigured(status)) return 'Synchronisatie is niet ingesteld.';
  switch (status.state) {
    case 'idle':
      return status.last_success ? 'Bijgewerkt: alles is gesynchroniseerd.' : 'Nog niet gesynchroniseerd.';
    case 'syncing':
      return 'Bezig met synchroniseren…';
    case 'offline': {
      const next = status.next_attempt ? ` Volgende poging ${formatWhen(status.next_attempt, now)}.` : '';
      return `Offline: de server is nu niet bereikbaar.${next}`;
    }
    case 'failed':
      return status.last_error ? `Synchronisatie mislukt: ${status.last_error}` : 'Synchronisatie mislukt.';
    default:
      return 'Synchronisatie is niet ingesteld.';
  }
}

/** What a sync did: "12 wijzigingen verstuurd, 30 ontvangen, 1 conflict". */
export function reportText(report: SyncReport): string {
  const parts: string[] = [];
  if (report.pushed === 0 && report.pulled === 0) {
    parts.push('Niets te versturen of te ontvangen');
  } else {
    parts.push(`${changeCount(report.pushed)} verstuurd`, `${n(report.pulled)} ontvangen`);
  }
  if (report.conflicts > 0) parts.push(conflictCount(report.conflicts));
  if (report.rejected.length > 0) parts.push(`${n(report.rejected.length)} geweigerd`);
  if (report.reset) parts.push('alles opnieuw opgehaald');
  if (report.moved > 0) {
    parts.push(`${n(report.moved)} ${report.moved === 1 ? 'dossier' : 'dossiers'} overgedragen aan een ander team`);
  }
  if (report.purged > 0) {
    parts.push(`${n(report.purged)} ${report.purged === 1 ? 'dossier' : 'dossiers'} verwijderd na de bewaartermijn`);
  }
  if (report.not_applied.length > 0) parts.push(`${n(report.not_applied.length)} niet verwerkt`);
  return parts.join(', ');
}
