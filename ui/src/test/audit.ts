// Test helpers for the audit log: entries, and a small in-memory backend of the audit commands
// that filters and pages the way the store does.
import type { AuditAction, AuditCursor, AuditPage, AuditQuery, AuditRow } from '../api';

let counter = 0;

/** An audit row; ids rise with each call so the newest-first order is well defined. */
export function auditRow(
  overrides: {
    at?: string;
    actor?: string;
    action?: AuditAction;
    entity?: string;
    changes?: AuditRow['entry']['changes'];
    client_id?: string | null;
    client_name?: string | null;
  } = {},
): AuditRow {
  counter += 1;
  const id = `a-${String(counter).padStart(4, '0')}`;
  const clientId = overrides.client_id === undefined ? 'c-1' : overrides.client_id;
  return {
    entry: {
      id,
      at: overrides.at ?? '2025-03-04T08:00:00Z',
      actor: overrides.actor ?? 'Fatima de Vries',
      action: overrides.action ?? 'read',
      entity: overrides.entity ?? 'clients',
      row_id: clientId ?? 'art. 3',
      changes: overrides.changes ?? [{ field: 'view', old: null, new: 'dossier' }],
    },
    client_id: clientId,
    client_name: overrides.client_name === undefined ? (clientId ? 'Ahmed Haddad' : null) : overrides.client_name,
  };
}

function newestFirst(a: AuditRow, b: AuditRow): number {
  return b.entry.at.localeCompare(a.entry.at) || b.entry.id.localeCompare(a.entry.id);
}

/** Answers `audit_log` and `audit_actors` from `rows`, like the store: filtered, newest first, paged. */
export function auditBackend(rows: AuditRow[]) {
  const queries: AuditQuery[] = [];
  const handlers = {
    audit_log: (args: Record<string, unknown>): AuditPage => {
      const q = args.query as AuditQuery;
      queries.push(q);
      if (q.from && q.until && q.until < q.from) {
        throw {
          code: 'validation',
          message: `Tot en met: ligt vóór de begindatum`,
          fields: [{ field: 'until', rule: 'after_from', message: 'ligt vóór de begindatum' }],
        };
      }
      const after = (r: AuditRow, c: AuditCursor | null) =>
        !c || r.entry.at < c.at || (r.entry.at === c.at && r.entry.id < c.id);
      const matching = [...rows]
        .sort(newestFirst)
        .filter((r) => !q.client_id || r.client_id === q.client_id)
        .filter((r) => !q.actor || r.entry.actor === q.actor)
        .filter((r) => !q.action || r.entry.action === q.action)
        .filter((r) => !q.from || r.entry.at.slice(0, 10) >= q.from)
        .filter((r) => !q.until || r.entry.at.slice(0, 10) <= q.until)
        .filter((r) => after(r, q.after));
      const page = matching.slice(0, q.limit);
      const last = page.at(-1);
      return {
        entries: page,
        next: matching.length > q.limit && last ? { at: last.entry.at, id: last.entry.id } : null,
      };
    },
    audit_actors: (): string[] => [...new Set(rows.map((r) => r.entry.actor))].sort((a, b) => a.localeCompare(b, 'nl')),
  };
  return { handlers, queries };
}
