// Loads a client's TrajectoryView for the voortgang, handhaving, ondersteuning, werk and
// afsluiting tabs; every write answers with the fresh view, which replaces the old one.
import { api, type ApiError, type TrajectoryInput, type TrajectoryView } from '../api';
import { app } from '../lib/app.svelte';

/** Saves a record of a form: a new one, or a change of the record the form edits. */
export type SaveRecord = (input: TrajectoryInput) => Promise<void>;

export class TrajectoryData {
  view = $state<TrajectoryView | null>(null);
  error = $state<ApiError | null>(null);
  #seq = 0;
  #clientId: () => string;
  #onchanged: () => Promise<void> | void;

  /** `onchanged` runs after each write, so the dossier (header, status, audit) can refresh. */
  constructor(clientId: () => string, onchanged: () => Promise<void> | void = () => {}) {
    this.#clientId = clientId;
    this.#onchanged = onchanged;
  }

  /** (Re)loads the view; an older answer arriving late is ignored. */
  async load(): Promise<void> {
    const mine = ++this.#seq;
    try {
      const view = await api.trajectory(this.#clientId());
      if (mine !== this.#seq) return;
      this.view = view;
      this.error = null;
    } catch (e) {
      if (mine !== this.#seq) return;
      this.error = e as ApiError;
    }
  }

  /** Adds a record, or with `recordId` changes that one; rejects with the ApiError for the form. */
  async save(input: TrajectoryInput, recordId: string | null = null): Promise<void> {
    const clientId = this.#clientId();
    this.#take(
      recordId
        ? await api.updateTrajectoryRecord(clientId, recordId, input)
        : await api.addTrajectoryRecord(clientId, input),
    );
    await this.#onchanged();
  }

  /** Books the finished weeks of a work period into the hours ledger. */
  async bookWork(workId: string): Promise<void> {
    this.#take(await api.bookWorkHours(this.#clientId(), workId));
    await this.#onchanged();
  }

  #take(view: TrajectoryView): void {
    this.#seq += 1;
    this.view = view;
    this.error = null;
  }
}

/** Today as the backend sees it ('YYYY-MM-DD'). */
export function today(): string {
  return app.state?.today ?? new Date().toISOString().slice(0, 10);
}
