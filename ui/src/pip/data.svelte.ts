// Loads a client's PipOverview for the PIP tab (the dossier's comes with the dossier).
import { api, type ApiError, type PipOverview } from '../api';

export class PipData {
  overview = $state<PipOverview | null>(null);
  error = $state<ApiError | null>(null);
  #seq = 0;
  #clientId: () => string;

  constructor(clientId: () => string) {
    this.#clientId = clientId;
  }

  /** (Re)loads the overview; an older answer arriving late is ignored. */
  async load(): Promise<void> {
    const mine = ++this.#seq;
    try {
      const overview = await api.pipOverview(this.#clientId());
      if (mine !== this.#seq) return;
      this.overview = overview;
      this.error = null;
    } catch (e) {
      if (mine !== this.#seq) return;
      this.error = e as ApiError;
    }
  }
}
