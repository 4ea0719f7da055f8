// Loads a client's PortfolioView for the hours, absence, report and exam tabs.
import { api, type ApiError, type Leerroute, type PortfolioView } from '../api';

/** The leerroute each client's portfolio is looked at with ("bekijk als"), kept while the app runs. */
export const routeChoice: Record<string, Leerroute | null> = $state({});

export class PortfolioData {
  view = $state<PortfolioView | null>(null);
  error = $state<ApiError | null>(null);
  #seq = 0;
  #clientId: () => string;

  constructor(clientId: () => string) {
    this.#clientId = clientId;
  }

  get route(): Leerroute | null {
    return routeChoice[this.#clientId()] ?? null;
  }

  /** (Re)loads the view; an older answer arriving late is ignored. */
  async load(): Promise<void> {
    const mine = ++this.#seq;
    try {
      const view = await api.clientPortfolio(this.#clientId(), this.route);
      if (mine !== this.#seq) return;
      this.view = view;
      this.error = null;
    } catch (e) {
      if (mine !== this.#seq) return;
      this.error = e as ApiError;
    }
  }

  async lookAs(route: Leerroute | null): Promise<void> {
    routeChoice[this.#clientId()] = route;
    await this.load();
  }
}
