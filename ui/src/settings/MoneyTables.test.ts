// Instellingen → Geld: the SPUK amounts, the trajectprijzen and the facturatiemomenten.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import MoneyTables from './MoneyTables.svelte';
import { app } from '../lib/app.svelte';
import { appState, installIpc } from '../test/ipc';
import { moneyTables } from '../test/money';
import { fieldError, text } from '../test/trajectory';
import type { CoursePrice, MoneyTables as Tables, SpukRate } from '../api';

function cells(row: HTMLElement): string[] {
  return [...row.querySelectorAll('th, td')].map((c) => text(c));
}

/** The tables as the backend keeps them: a save replaces the row of the same key. */
function backend(): { tables: Tables; calls: ReturnType<typeof installIpc> } {
  const tables = moneyTables();
  const calls = installIpc({
    money_tables: () => tables,
    save_spuk_rate: (args) => {
      const rate = args.rate as SpukRate;
      tables.spuk = [...tables.spuk.filter((r) => r.year !== rate.year || r.kind !== rate.kind), rate];
      return tables;
    },
    save_course_price: (args) => {
      const price = args.price as CoursePrice;
      tables.prices = [...tables.prices, price];
      return tables;
    },
  });
  return { tables, calls };
}

describe('Geld', () => {
  beforeEach(() => {
    app.state = appState();
  });

  it('shows the SPUK grid, the prices and the facturatiemomenten', async () => {
    backend();
    render(MoneyTables);

    const spuk = await screen.findByTestId('spuk-table');
    expect(within(spuk).getAllByRole('columnheader').map((h) => text(h))).toEqual([
      'Cohortjaar',
      'Statushouder jaar 1',
      'Statushouder jaar 2',
      'Statushouder jaar 3',
      'Gezins- en overige migrant',
    ]);
    expect(screen.getAllByTestId('spuk-row').map(cells)).toEqual([
      ['2024', '€ 10.130,00', '€ 3.800,00', '€ 1.900,00', '€ 1.200,00'],
      ['2025', '€ 10.450,00', '—', '—', '—'],
    ]);

    expect(screen.getAllByTestId('price-row').map(cells)).toEqual([
      ['elke aanbieder', 'B1-route', '2024', '€ 10.000,00'],
      ['Leerhuis', 'Z-route', '2025', '€ 9.708,00'],
    ]);
    expect(screen.getAllByTestId('milestone-row').map(cells)).toEqual([
      ['b1_start', 'B1-route', '25 %', 'Start van de cursus'],
      ['z_6_maanden', 'Z-route', '12,5 %', 'Zes maanden Z-route'],
    ]);
    expect(text(screen.getByTestId('money-tables'))).toContain(
      'Wijzigingen worden vastgelegd in het auditlog en gesynchroniseerd.',
    );
  });

  it('saves a SPUK amount in Dutch notation and shows the new value', async () => {
    const { calls } = backend();
    const user = userEvent.setup();
    render(MoneyTables);
    await screen.findByTestId('spuk-table');

    const year = screen.getByTestId('spuk-year') as HTMLInputElement;
    expect(year.value).toBe('2025');
    await user.selectOptions(screen.getByTestId('spuk-kind'), 'statushouder_jaar2');
    await user.type(screen.getByTestId('spuk-amount'), '9.400,00');
    await user.click(screen.getByTestId('spuk-save'));

    await waitFor(() =>
      expect(cells(screen.getAllByTestId('spuk-row')[1])).toEqual(['2025', '€ 10.450,00', '€ 9.400,00', '—', '—']),
    );
    expect(calls.find((c) => c.cmd === 'save_spuk_rate')!.args).toEqual({
      rate: { year: 2025, kind: 'statushouder_jaar2', cents: 940000 },
    });
    expect(text(screen.getByRole('status'))).toBe('Statushouder jaar 2, 2025 opgeslagen: € 9.400,00');
    expect((screen.getByTestId('spuk-amount') as HTMLInputElement).value).toBe('');
  });

  it('does not save an amount it cannot read', async () => {
    const { calls } = backend();
    const user = userEvent.setup();
    render(MoneyTables);
    await screen.findByTestId('spuk-table');

    await user.type(screen.getByTestId('spuk-amount'), 'negenduizend');
    await user.click(screen.getByTestId('spuk-save'));

    expect(fieldError('spuk-amount')).toBe('Vul een bedrag in euro in, bijv. 250 of 250,50');
    expect(screen.getByTestId('spuk-amount').getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.cmd === 'save_spuk_rate')).toBe(false);
  });

  it('shows the backend’s objection to the year next to Jaar', async () => {
    const calls = installIpc({
      money_tables: () => moneyTables(),
      save_spuk_rate: () =>
        Promise.reject({
          code: 'validation',
          message: 'Controleer de invoer',
          fields: [{ field: 'year', rule: 'year_range', message: '2019 ligt niet tussen 2021 en 2100' }],
        }),
    });
    const user = userEvent.setup();
    render(MoneyTables);
    await screen.findByTestId('spuk-table');

    const year = screen.getByTestId('spuk-year');
    await user.clear(year);
    await user.type(year, '2019');
    await user.type(screen.getByTestId('spuk-amount'), '9400');
    await user.click(screen.getByTestId('spuk-save'));

    await waitFor(() => expect(fieldError('spuk-year')).toBe('2019 ligt niet tussen 2021 en 2100'));
    expect(calls.find((c) => c.cmd === 'save_spuk_rate')!.args.rate).toEqual({
      year: 2019,
      kind: 'statushouder_jaar1',
      cents: 940000,
    });
    expect(fieldError('spuk-amount')).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('adds a price for any provider', async () => {
    const { calls } = backend();
    const user = userEvent.setup();
    render(MoneyTables);
    await screen.findByTestId('price-table');

    await user.selectOptions(screen.getByTestId('price-product'), 'onderwijsroute_mbo');
    const year = screen.getByTestId('price-year');
    await user.clear(year);
    await user.type(year, '2026');
    await user.type(screen.getByTestId('price-amount'), '12.000');
    await user.click(screen.getByTestId('price-save'));

    await waitFor(() => expect(screen.getAllByTestId('price-row')).toHaveLength(3));
    expect(calls.find((c) => c.cmd === 'save_course_price')!.args).toEqual({
      price: { provider: null, product: 'onderwijsroute_mbo', from_year: 2026, cents: 1200000 },
    });
    expect(cells(screen.getAllByTestId('price-row')[2])).toEqual([
      'elke aanbieder',
      'Onderwijsroute (mbo)',
      '2026',
      '€ 12.000,00',
    ]);
  });
});
