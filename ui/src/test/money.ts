// Test helpers for the money tables and the invoice check, shaped like the backend's.
import type { InvoiceCheck, InvoiceFinding, InvoiceProblem, MoneyTables, RowError } from '../api';

export function moneyTables(overrides: Partial<MoneyTables> = {}): MoneyTables {
  return {
    spuk: [
      { year: 2024, kind: 'statushouder_jaar1', cents: 1013000 },
      { year: 2024, kind: 'statushouder_jaar2', cents: 380000 },
      { year: 2024, kind: 'statushouder_jaar3', cents: 190000 },
      { year: 2024, kind: 'gezins_overige_migrant', cents: 120000 },
      { year: 2025, kind: 'statushouder_jaar1', cents: 1045000 },
    ],
    prices: [
      { provider: null, product: 'b1_route', from_year: 2024, cents: 1000000 },
      { provider: 'Leerhuis', product: 'z_route', from_year: 2025, cents: 970800 },
    ],
    milestones: [
      { code: 'b1_start', route: 'b1', share_permille: 250, description: 'Start van de cursus' },
      { code: 'z_6_maanden', route: 'z_route', share_permille: 125, description: 'Zes maanden Z-route' },
    ],
    ...overrides,
  };
}

export function finding(n: number, overrides: Partial<InvoiceFinding> = {}): InvoiceFinding {
  return {
    line: n,
    client: `A-${100 + n}`,
    milestone: 'z_6_maanden',
    cents: 121352,
    problems: [],
    message: 'in orde',
    ...overrides,
  };
}

export function flagged(n: number, problems: InvoiceProblem[], message: string): InvoiceFinding {
  return finding(n, { problems, message });
}

export function rowError(n: number, column: string, message: string): RowError {
  return { line: n, column, message };
}

/** Lines 2, 5 and 7 in order, 3 and 6 with a finding, line 4 rejected; line 7 comes first. */
export function invoiceCheck(): InvoiceCheck {
  return {
    findings: [
      finding(7),
      finding(2),
      finding(3, {
        cents: 150000,
        problems: [{ problem: 'amount_mismatch', expected_cents: 121352 }],
        message: 'bedrag € 1.500,00 wijkt af van € 1.213,52 volgens de prijstabel',
      }),
      finding(5, { client: '123456782', milestone: 'b1_start' }),
      flagged(6, [{ problem: 'not_reached' }], 'het facturatiemoment is volgens het dossier niet bereikt'),
    ],
    rejected: [rowError(4, 'amount', "'twaalf' is geen bedrag")],
  };
}
