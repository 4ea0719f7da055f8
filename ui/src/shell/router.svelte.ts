// Minimal state-based routing.
export type View =
  | { name: 'caseload' }
  | { name: 'dossier'; id: string }
  | { name: 'new' }
  | { name: 'edit'; id: string }
  | { name: 'hours-entry' }
  | { name: 'settings' };

export const router: { view: View } = $state({ view: { name: 'caseload' } });

export function navigate(view: View): void {
  router.view = view;
}
