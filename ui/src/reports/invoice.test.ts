import { describe, expect, it } from 'vitest';
import { findingText, inFileOrder, rejectedText, summaryText } from './invoice';
import { finding, invoiceCheck, rowError } from '../test/money';

describe('invoice check in words', () => {
  it('counts the lines, one or many, with or without rejected ones', () => {
    expect(summaryText(invoiceCheck())).toBe('5 regels gecontroleerd: 3 in orde, 2 met een bevinding; 1 afgekeurd');
    expect(summaryText({ findings: [finding(2)], rejected: [] })).toBe('1 regel gecontroleerd: 1 in orde, 0 met een bevinding');
    expect(summaryText({ findings: [], rejected: [rowError(2, 'date', 'geen datum')] })).toBe(
      'Geen regels gecontroleerd; 1 afgekeurd',
    );
  });

  it('keeps the order of the file and writes a finding as a sentence', () => {
    expect(inFileOrder(invoiceCheck().findings).map((f) => Number(f.line))).toEqual([2, 3, 5, 6, 7]);
    expect(findingText(finding(2))).toBe('In orde');
    expect(rejectedText(rowError(4, 'amount', 'geen bedrag'))).toBe('Regel 4, kolom amount: geen bedrag');
    expect(rejectedText(rowError(4, '', 'te weinig kolommen'))).toBe('Regel 4: te weinig kolommen');
  });
});
