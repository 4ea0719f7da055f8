// The audit log as the Auditlog screen and a dossier's Audit tab read it: the filters, the
// entries loaded so far (newest first) and where the next page starts ("Meer laden").
import { api, type ApiError, type AuditAction, type AuditCursor, type AuditQuery, type AuditRow } from '../api';

export type AuditFilters = {
  /** '' for everyone. */
  actor: string;
  /** '' for every action. */
  action: AuditAction | '';
  /** 'YYYY-MM-DD' or ''. */
  from: string;
  /** 'YYYY-MM-DD' or '' (included). */
  until: string;
  /** One dossier, or null for all. */
  clientId: string | null;
};

export const PAGE_SIZE = 100;

export function emptyFilters(clientId: string | null = null): AuditFilters {
  return { actor: '', action: '', from: '', until: '', clientId };
}

/** The query for `filters`, continuing after `after` when given. */
export function toQuery(filters: AuditFilters, after: AuditCursor | null = null): AuditQuery {
  return {
    client_id: filters.clientId,
    actor: filters.actor || null,
    action: filters.action || null,
    from: filters.from || null,
    until: filters.until || null,
    after,
    limit: PAGE_SIZE,
  };
}

export class AuditFeed {
  filters = $state<AuditFilters>(emptyFilters());
  rows = $state<AuditRow[]>([]);
  /** Where the next page starts; null when every matching entry is loaded. */
  next = $state<AuditCursor | null>(null);
  /** The first page has arrived (for these filters or earlier ones). */
  loaded = $state(false);
  loadingMore = $state(false);
  error = $state<ApiError | null>(null);
  #seq = 0;

  constructor(clientId: string | null = null) {
    this.filters = emptyFilters(clientId);
  }

  /** Changes filters and loads the first page again. */
  async update(change: Partial<AuditFilters>): Promise<void> {
    this.filters = { ...this.filters, ...change };
    await this.load();
  }

  /** Loads the first page for the current filters; an older answer arriving late is ignored. */
  async load(): Promise<void> {
    const mine = ++this.#seq;
    this.loadingMore = false;
    try {
      const page = await api.auditLog(toQuery(this.filters));
      if (mine !== this.#seq) return;
      this.rows = page.entries;
      this.next = page.next;
      this.error = null;
    } catch (e) {
      if (mine !== this.#seq) return;
      this.rows = [];
      this.next = null;
      this.error = e as ApiError;
    } finally {
      if (mine === this.#seq) this.loaded = true;
    }
  }

  /** Appends the next page. */
  async more(): Promise<void> {
    if (!this.next || this.loadingMore) return;
    const mine = this.#seq;
    this.loadingMore = true;
    try {
      const page = await api.auditLog(toQuery(this.filters, this.next));
      if (mine !== this.#seq) return;
      this.rows = [...this.rows, ...page.entries];
      this.next = page.next;
      this.error = null;
    } catch (e) {
      if (mine === this.#seq) this.error = e as ApiError;
    } finally {
      if (mine === this.#seq) this.loadingMore = false;
    }
  }

  /** The message of a refused period, for the Tot field. */
  get untilError(): string | undefined {
    return this.error?.fields.find((f) => f.field === 'until')?.message;
  }
}
