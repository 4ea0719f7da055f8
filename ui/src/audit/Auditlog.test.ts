import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Auditlog from './Auditlog.svelte';
import Sidebar from '../shell/Sidebar.svelte';
import { app } from '../lib/app.svelte';
import { router } from '../shell/router.svelte';
import { appState, installIpc } from '../test/ipc';
import { auditBackend, auditRow } from '../test/audit';
import { PAGE_SIZE, emptyFilters, toQuery } from './feed.svelte';
import type { AuditRow, ClientSummary } from '../api';

function rows(): HTMLElement[] {
  return screen.queryAllByTestId('audit-row');
}

/** `n` reads of Ahmed's dossier, one a minute on 3 March. */
function reads(n: number): AuditRow[] {
  return Array.from({ length: n }, (_, i) =>
    auditRow({ at: `2025-03-03T${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z` }),
  );
}

function summary(id: string, given: string, family: string): ClientSummary {
  return {
    id,
    given_name: given,
    family_name: family,
    birth_date: null,
    municipality: 'Lisse',
    client_type: 'statushouder',
    status: 'intake',
    consultant: null,
    brp_registration_date: null,
    termijn_end: null,
  };
}

describe('Auditlog', () => {
  beforeEach(() => {
    app.state = appState();
    router.view = { name: 'audit' };
  });

  it('lists every dossier newest first, naming the dossier of each entry', async () => {
    const backend = auditBackend([
      auditRow({ at: '2025-03-04T08:00:00Z', action: 'update', changes: [{ field: 'phone', old: '0612', new: '0687' }] }),
      auditRow({ at: '2025-03-05T09:30:00Z', action: 'reveal', actor: 'Jan Jansen', changes: [{ field: 'bsn', old: null, new: '******782' }] }),
      auditRow({ at: '2025-03-06T10:00:00Z', action: 'export', client_id: 'c-2', client_name: 'Lina Rahimi', changes: [{ field: 'view', old: null, new: 'inzage' }] }),
      auditRow({ at: '2025-03-01T07:00:00Z', action: 'create', entity: 'fine_rules', client_id: null, changes: [{ field: 'code', old: null, new: 'art. 3' }] }),
    ]);
    installIpc(backend.handlers);
    render(Auditlog);

    expect(screen.getByRole('heading', { name: 'Auditlog' })).toBeTruthy();
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(backend.queries[0]).toEqual(toQuery(emptyFilters()));
    const [exported, revealed, updated, team] = rows();
    expect(exported.textContent).toContain('Dossier geëxporteerd (inzage)');
    expect(within(exported).getByTestId('audit-client').textContent?.trim()).toBe('Lina Rahimi');
    expect(exported.textContent).toContain('inzage (export)');
    expect(revealed.textContent).toContain('BSN bekeken');
    expect(revealed.textContent).toContain('Jan Jansen');
    expect(revealed.textContent).toContain('05-03-2025');
    expect(updated.textContent).toMatch(/Telefoon:\s*0612\s*→\s*0687/);
    expect(within(team).getByTestId('audit-client').textContent?.trim()).toBe('Teamgegevens');
    expect(team.textContent).toContain('Boeteverordening');
    expect(screen.getByTestId('audit-count').textContent).toContain('4 regels');
    expect(screen.queryByTestId('audit-more')).toBeNull();
  });

  it('filters by user, action and period', async () => {
    const backend = auditBackend([
      auditRow({ at: '2025-03-04T08:00:00Z', actor: 'Fatima de Vries' }),
      auditRow({ at: '2025-03-05T08:00:00Z', actor: 'Jan Jansen', action: 'reveal' }),
      auditRow({ at: '2025-03-07T08:00:00Z', actor: 'Jan Jansen' }),
    ]);
    installIpc(backend.handlers);
    const user = userEvent.setup();
    render(Auditlog);
    await waitFor(() => expect(rows()).toHaveLength(3));

    const actor = screen.getByTestId('audit-actor') as HTMLSelectElement;
    expect([...actor.options].map((o) => o.textContent)).toEqual(['Iedereen', 'Fatima de Vries', 'Jan Jansen']);
    await user.selectOptions(actor, 'Jan Jansen');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(backend.queries.at(-1)).toMatchObject({ actor: 'Jan Jansen', action: null });

    await user.selectOptions(screen.getByTestId('audit-action'), 'reveal');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0].textContent).toContain('BSN bekeken');

    await user.selectOptions(screen.getByTestId('audit-action'), '');
    await user.type(screen.getByTestId('audit-from'), '2025-03-06');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(backend.queries.at(-1)).toMatchObject({ actor: 'Jan Jansen', from: '2025-03-06', until: null });
    expect(rows()[0].textContent).toContain('07-03-2025');
  });

  it('names a period that ends before it begins at the Tot field', async () => {
    const backend = auditBackend([auditRow()]);
    installIpc(backend.handlers);
    const user = userEvent.setup();
    render(Auditlog);
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.type(screen.getByTestId('audit-from'), '2025-03-10');
    await user.type(screen.getByTestId('audit-until'), '2025-03-01');
    expect((await screen.findByTestId('field-error')).textContent).toBe('ligt vóór de begindatum');
    expect(screen.queryByTestId('audit-error')).toBeNull();
  });

  it('loads more, a page at a time', async () => {
    const backend = auditBackend(reads(PAGE_SIZE + 30));
    installIpc(backend.handlers);
    const user = userEvent.setup();
    render(Auditlog);
    await waitFor(() => expect(rows()).toHaveLength(PAGE_SIZE));
    expect(screen.getByTestId('audit-count').textContent).toContain(`${PAGE_SIZE} regels getoond`);
    await user.click(screen.getByTestId('audit-more'));
    await waitFor(() => expect(rows()).toHaveLength(PAGE_SIZE + 30));
    const last = backend.queries.at(-1)!;
    expect(last.after).not.toBeNull();
    const ids = rows().map((r) => r.textContent);
    expect(new Set(ids).size).toBe(ids.length);
    expect(screen.queryByTestId('audit-more')).toBeNull();
  });

  it('narrows to one dossier found by name, and opens it', async () => {
    const backend = auditBackend([
      auditRow({ at: '2025-03-04T08:00:00Z' }),
      auditRow({ at: '2025-03-05T08:00:00Z', client_id: 'c-2', client_name: 'Lina Rahimi' }),
    ]);
    installIpc({
      ...backend.handlers,
      caseload: () => [summary('c-2', 'Lina', 'Rahimi')],
    });
    const user = userEvent.setup();
    render(Auditlog);
    await waitFor(() => expect(rows()).toHaveLength(2));
    await user.type(screen.getByTestId('audit-client-search'), 'Rahi');
    await user.click(await screen.findByTestId('audit-client-search-option'));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(backend.queries.at(-1)!.client_id).toBe('c-2');

    await user.click(within(rows()[0]).getByRole('button', { name: 'Lina Rahimi' }));
    expect(router.view).toEqual({ name: 'dossier', id: 'c-2', from: 'audit' });
  });

  it('says when nothing matches, and why loading failed', async () => {
    installIpc({
      audit_log: () => Promise.reject({ code: 'internal', message: 'databasefout: schijf vol', fields: [] }),
      audit_actors: () => [],
    });
    render(Auditlog);
    const error = await screen.findByTestId('audit-error');
    expect(error.textContent).toContain('De auditlog kon niet worden geladen.');
    expect(error.textContent).toContain('databasefout: schijf vol');
    expect(screen.getByTestId('audit-empty').textContent).toBe('Geen auditregels gevonden.');
  });

  it('has its own place in the navigation', async () => {
    installIpc({});
    router.view = { name: 'caseload' };
    const user = userEvent.setup();
    render(Sidebar);
    const item = screen.getByTestId('nav-audit');
    expect(item.textContent?.trim()).toBe('Auditlog');
    expect(item.getAttribute('aria-current')).toBeNull();
    await user.click(item);
    expect(router.view).toEqual({ name: 'audit' });
    expect(item.getAttribute('aria-current')).toBe('page');
    // A dossier opened from the Auditlog keeps it current.
    router.view = { name: 'dossier', id: 'c-2', from: 'audit' };
    await waitFor(() => expect(item.getAttribute('aria-current')).toBe('page'));
  });
});
