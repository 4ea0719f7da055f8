// Minimal state-based routing.
import type { DossierTab } from '../api';

/** The tabs of Instellingen. */
export type SettingsTab = 'general' | 'sync';

export type View =
  | { name: 'werkvoorraad' }
  | { name: 'caseload' }
  /**
   * A client's dossier; `tab` opens it on that tab (a signal's), `from` says which screen
   * "Terug" returns to (the caseload unless given).
   */
  | { name: 'dossier'; id: string; tab?: DossierTab; from?: 'werkvoorraad' | 'conflicts' }
  | { name: 'new' }
  | { name: 'edit'; id: string }
  | { name: 'hours-entry' }
  | { name: 'reports' }
  /** Instellingen, on the given tab ('general' unless given). */
  | { name: 'settings'; tab?: SettingsTab }
  /** The sync conflicts waiting for a choice. */
  | { name: 'conflicts' }
  | { name: 'about' };

/** The app opens on the Werkvoorraad: what needs doing today, across the caseload. */
export const router: { view: View } = $state({ view: { name: 'werkvoorraad' } });

export function navigate(view: View): void {
  router.view = view;
}
