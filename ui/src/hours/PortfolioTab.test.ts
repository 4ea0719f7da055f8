import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PortfolioTab from './PortfolioTab.svelte';
import { app } from '../lib/app.svelte';
import { appState, client, installIpc } from '../test/ipc';
import { entry, portfolioView } from '../test/hours';
import type { HourEntry, HourEntryInput, Leerroute, ReversalInput } from '../api';
import { routeChoice } from './portfolio.svelte';

const CLIENT = client({ id: 'c-1' });

/** A fake backend that keeps the ledger and recomputes the view from it. */
function backend(start: HourEntry[] = [entry({ id: 'e2', date: '2025-03-12', quarters: 16 }), entry({ id: 'e1', date: '2025-03-05', quarters: 32 })]) {
  let entries = [...start];
  let seq = 100;
  return {
    handlers: {
      app_state: () => appState(),
      client_portfolio: (args: Record<string, unknown>) => {
        const route = args.route as Leerroute | null;
        const view = portfolioView({ entries });
        if (route === null) {
          return {
            ...view,
            route_assumed: false,
            portfolio: { ...view.portfolio, route: null, lines: view.portfolio.lines.map((l) => ({ ...l, required: null, planned: null, behind: false })) },
          };
        }
        return { ...view, portfolio: { ...view.portfolio, route } };
      },
      add_hours: (args: Record<string, unknown>) => {
        const input = args.input as HourEntryInput;
        const e = entry({ id: `e${++seq}`, ...input });
        entries = [e, ...entries];
        return e;
      },
      reverse_hours: (args: Record<string, unknown>) => {
        const original = entries.find((e) => e.id === args.entryId)!;
        const e = entry({
          ...original,
          id: `e${++seq}`,
          quarters: -original.quarters,
          reverses: original.id,
          reason: (args.input as ReversalInput).reason,
          note: null,
        });
        entries = [e, ...entries];
        return e;
      },
    } as Record<string, (args: Record<string, unknown>) => unknown>,
  };
}

function bar(target: string): HTMLElement {
  return within(screen.getByTestId(`portfolio-line-${target}`)).getByRole('progressbar');
}

describe('Uren en portfolio', () => {
  beforeEach(() => {
    app.state = appState();
    for (const key of Object.keys(routeChoice)) delete routeChoice[key];
  });

  it('renders one card per line with done / required hours and the progress bar', async () => {
    installIpc({ client_portfolio: () => portfolioView() });
    render(PortfolioTab, { props: { client: CLIENT } });

    const taal = await screen.findByTestId('portfolio-line-taal');
    expect(within(taal).getByText('Lesuren taal en KNM')).toBeTruthy();
    expect(screen.getByTestId('portfolio-done-taal').textContent?.replace(/\s+/g, ' ').trim()).toBe('12 / 40 uur');
    const progress = bar('taal');
    expect(progress.getAttribute('aria-valuenow')).toBe('12');
    expect(progress.getAttribute('aria-valuemin')).toBe('0');
    expect(progress.getAttribute('aria-valuemax')).toBe('40');
    // Planned pace 20 h: the marker sits at half the bar; 12 < 80 % of 20 is behind.
    expect((within(taal).getByTestId('progress-planned') as HTMLElement).style.left).toBe('50%');
    expect(within(taal).getByText('Achter op schema')).toBeTruthy();
    expect(screen.getByTestId('portfolio-afschalen').textContent).toContain('Afschalen naar A2 kan vanaf 600 lesuren');
    expect(screen.getByTestId('portfolio-afschalen').textContent).toContain('nog 588 uur te gaan');

    // A line without a requirement: hours only, no bar.
    expect(screen.getByTestId('portfolio-done-participatie').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '1,5 uur · geen eis in deze leerroute',
    );
    expect(within(screen.getByTestId('portfolio-line-participatie')).queryByRole('progressbar')).toBeNull();

    // The entries behind the number.
    const basis = within(taal).getByTestId('portfolio-basis-taal');
    expect(basis.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(basis.textContent).toContain('12-03-2025');
    expect(basis.textContent).toContain('Consulent');
  });

  it('lets the consultant look at the hours as a leerroute until the PIP decides it', async () => {
    const { handlers } = backend();
    const calls = installIpc(handlers);
    const user = userEvent.setup();
    render(PortfolioTab, { props: { client: CLIENT } });

    const select = (await screen.findByTestId('portfolio-route')) as HTMLSelectElement;
    expect(calls.find((c) => c.cmd === 'client_portfolio')!.args).toEqual({ clientId: 'c-1', route: null });
    expect(select.value).toBe('');
    expect(screen.getByText(/vastgelegd in het PIP/)).toBeTruthy();
    expect(screen.getByTestId('portfolio-done-taal').textContent).toContain('leerroute nog niet bekend');

    await user.selectOptions(select, 'b1');
    await waitFor(() => expect(screen.getByTestId('portfolio-done-taal').textContent?.replace(/\s+/g, ' ').trim()).toBe('12 / 40 uur'));
    expect(calls.filter((c) => c.cmd === 'client_portfolio').at(-1)!.args).toEqual({ clientId: 'c-1', route: 'b1' });
    expect((screen.getByTestId('portfolio-route') as HTMLSelectElement).value).toBe('b1');
  });

  it('adds hours with today as default date and reloads, so the bar moves', async () => {
    routeChoice['c-1'] = 'b1';
    const { handlers } = backend();
    const onchanged = vi.fn();
    const calls = installIpc(handlers);
    const user = userEvent.setup();
    render(PortfolioTab, { props: { client: CLIENT, onchanged } });

    await screen.findByTestId('portfolio-line-taal');
    expect(bar('taal').getAttribute('aria-valuenow')).toBe('12');
    expect((screen.getByTestId('hours-date') as HTMLInputElement).value).toBe('2025-03-14');
    expect((screen.getByTestId('hours-source') as HTMLSelectElement).value).toBe('consultant');
    expect(screen.getByTestId('hours-provider').getAttribute('list')).toBe('hours-providers');
    expect(document.querySelectorAll('#hours-providers option')).toHaveLength(2);

    // Unreadable hours are refused before anything is sent.
    await user.type(screen.getByTestId('hours-amount'), '1,3');
    await user.click(screen.getByTestId('hours-submit'));
    expect(await screen.findByText('Vul uren in per kwartier, bijv. 1,5')).toBeTruthy();
    expect(calls.some((c) => c.cmd === 'add_hours')).toBe(false);

    await user.clear(screen.getByTestId('hours-amount'));
    await user.type(screen.getByTestId('hours-amount'), '2:30');
    await user.type(screen.getByTestId('hours-provider'), 'ROC Mondriaan');
    await user.type(screen.getByTestId('hours-note'), 'Inhaalles');
    await user.click(screen.getByTestId('hours-submit'));

    await waitFor(() => expect(bar('taal').getAttribute('aria-valuenow')).toBe('14.5'));
    expect(calls.find((c) => c.cmd === 'add_hours')!.args).toEqual({
      clientId: 'c-1',
      input: { date: '2025-03-14', quarters: 10, category: 'taal', source: 'consultant', provider: 'ROC Mondriaan', note: 'Inhaalles' },
    });
    expect(calls.filter((c) => c.cmd === 'client_portfolio')).toHaveLength(2);
    expect(onchanged).toHaveBeenCalledOnce();
    const rows = screen.getAllByTestId('hour-entry');
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('14-03-2025');
    expect(rows[0].textContent).toContain('2,5');
    expect(rows[0].textContent).toContain('Inhaalles');
    expect((screen.getByTestId('hours-amount') as HTMLInputElement).value).toBe('');
  });

  it('shows backend validation errors at their field', async () => {
    const { handlers } = backend();
    installIpc({
      ...handlers,
      add_hours: () => {
        throw {
          code: 'validation',
          message: 'Ongeldige invoer',
          fields: [{ field: 'provider', rule: 'required_for_report', message: 'is verplicht bij uren uit een voortgangsrapportage' }],
        };
      },
    });
    const user = userEvent.setup();
    render(PortfolioTab, { props: { client: CLIENT } });
    await user.type(await screen.findByTestId('hours-amount'), '3');
    await user.selectOptions(screen.getByTestId('hours-source'), 'provider_report');
    await user.click(screen.getByTestId('hours-submit'));
    expect((await screen.findByTestId('field-error-hours-provider')).textContent).toBe(
      'Aanbieder is verplicht bij uren uit een voortgangsrapportage',
    );
    expect(screen.getByTestId('hours-provider').getAttribute('aria-invalid')).toBe('true');
  });

  it('reverses an entry only with a reason, then strikes it through', async () => {
    routeChoice['c-1'] = 'b1';
    const { handlers } = backend();
    const calls = installIpc(handlers);
    const user = userEvent.setup();
    render(PortfolioTab, { props: { client: CLIENT } });

    const rows = await screen.findAllByTestId('hour-entry');
    await user.click(within(rows[1]).getByTestId('hour-reverse'));
    expect(document.activeElement).toBe(screen.getByTestId('reverse-reason'));

    // No reason: refused in the UI, nothing sent.
    await user.click(screen.getByTestId('reverse-confirm'));
    expect((await screen.findByRole('alert')).textContent).toBe('Geef een reden om de regel terug te draaien');
    expect(calls.some((c) => c.cmd === 'reverse_hours')).toBe(false);

    await user.type(screen.getByTestId('reverse-reason'), 'Dubbel ingevoerd');
    await user.click(screen.getByTestId('reverse-confirm'));

    await waitFor(() => expect(screen.getAllByTestId('hour-entry')).toHaveLength(3));
    expect(calls.find((c) => c.cmd === 'reverse_hours')!.args).toEqual({ entryId: 'e1', input: { reason: 'Dubbel ingevoerd' } });
    expect(bar('taal').getAttribute('aria-valuenow')).toBe('4');

    const [reversal, , original] = screen.getAllByTestId('hour-entry');
    expect(reversal.textContent).toContain('Terugdraaiing: Dubbel ingevoerd');
    expect(reversal.textContent).toContain('-8');
    expect(within(reversal).queryByTestId('hour-reverse')).toBeNull();
    expect(original.classList.contains('reversed')).toBe(true);
    expect(original.textContent).toContain('teruggedraaid');
    expect(within(original).queryByTestId('hour-reverse')).toBeNull();
    expect(screen.queryByTestId('reverse-reason')).toBeNull();
  });

  it('shows a conflict from the backend at the reason', async () => {
    const { handlers } = backend();
    installIpc({
      ...handlers,
      reverse_hours: () => {
        throw { code: 'conflict', message: 'deze regel is al teruggedraaid', fields: [] };
      },
    });
    const user = userEvent.setup();
    render(PortfolioTab, { props: { client: CLIENT } });
    await user.click((await screen.findAllByTestId('hour-reverse'))[0]);
    await user.type(screen.getByTestId('reverse-reason'), 'Fout');
    await user.click(screen.getByTestId('reverse-confirm'));
    expect((await screen.findByRole('alert')).textContent).toBe('deze regel is al teruggedraaid');
    await user.click(screen.getByTestId('reverse-cancel'));
    expect(screen.queryByTestId('reverse-reason')).toBeNull();
  });

  it('prints the portfolio with the client name', async () => {
    installIpc({ client_portfolio: () => portfolioView() });
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const user = userEvent.setup();
    render(PortfolioTab, { props: { client: CLIENT, bsnMasked: '*****6782' } });
    await user.click(await screen.findByTestId('portfolio-print'));
    expect(print).toHaveBeenCalledOnce();
    const head = screen.getByTestId('portfolio-client');
    expect(head.textContent).toBe('Ahmed Haddad');
    expect(head.closest('.print-only')).toBeTruthy();
    expect(screen.getByTestId('hours-form').classList.contains('no-print')).toBe(true);
  });
});
