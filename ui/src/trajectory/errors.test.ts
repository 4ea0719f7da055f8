import { describe, expect, it } from 'vitest';
import { dutchDates, recordErrors } from './errors';

describe('recordErrors', () => {
  it('puts each message at its field, after the label unless it is a sentence of its own', () => {
    const errors = recordErrors(
      {
        code: 'validation',
        message: 'Controleer de invoer',
        fields: [
          { field: 'decided_on', rule: 'required', message: 'is verplicht' },
          { field: 'decision', rule: 'warning_first', message: 'eerst een waarschuwing: nog geen waarschuwing gegeven' },
          { field: 'case_id', rule: 'unknown', message: 'bestaat niet' },
        ],
      },
      { decided_on: 'Datum besluit', decision: 'Besluit' },
    );
    expect(errors.fields).toEqual({
      decided_on: 'Datum besluit is verplicht',
      decision: 'Eerst een waarschuwing: nog geen waarschuwing gegeven',
    });
    expect(errors.failure).toBe('Handhavingszaak bestaat niet');
  });

  it('shows a conflict with its dates in Dutch', () => {
    const errors = recordErrors({ code: 'conflict', message: 'dit MAP-thema is al afgerond op 2025-03-01', fields: [] }, {});
    expect(errors).toEqual({ fields: {}, failure: 'dit MAP-thema is al afgerond op 01-03-2025' });
    expect(dutchDates('van 2025-01-02 tot 2025-12-31')).toBe('van 02-01-2025 tot 31-12-2025');
  });
});
