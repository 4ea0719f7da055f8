// Minimal state-based routing.
import type { DossierTab } from '../api';
import { markNavigation } from '../lib/timing';

/** The screens a dossier can be opened from other than the caseload ("Terug" returns there). */
export type DossierFrom = 'werkvoorraad' | 'conflicts' | 'audit';

/** The tabs of Instellingen. */
export type SettingsTab = 'general' | 'sync' | 'security';

export type View =
  | { name: 'werkvoorraad' }
  | { name: 'caseload' }
  /**
   * A client's dossier; `tab` opens it on that tab (a signal's), `from` says which screen
   * "Terug" returns to (the caseload unless given).
   */
  | { name: 'dossier'; id: string; tab?: DossierTab; from?: DossierFrom }
  | { name: 'new' }
  | { name: 'edit'; id: string }
  | { name: 'hours-entry' }
  | { name: 'reports' }
  /** Instellingen, on the given tab ('general' unless given). */
  | { name: 'settings'; tab?: SettingsTab }
  /** The sync conflicts waiting for a choice. */
  | { name: 'conflicts' }
  /** The audit log of every dossier (team lead, privacy officer). */
  | { name: 'audit' }
  | { name: 'about' };

/** The app opens on the Werkvoorraad: what needs doing today, across the caseload. */
export const router: { view: View } = $state({ view: { name: 'werkvoorraad' } });

export function navigate(view: View): void {
  markNavigation();
  router.view = view;
}
