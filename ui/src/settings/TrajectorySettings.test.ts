// Instellingen: the boeteverordening and the bewaartermijn.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import FineRules from './FineRules.svelte';
import RetentionForm from './RetentionForm.svelte';
import { installIpc } from '../test/ipc';
import { fineRule, text } from '../test/trajectory';
import type { FineRule } from '../api';

describe('Boeteverordening', () => {
  it('lists the articles and adds one with its maximum in cents', async () => {
    let rules: FineRule[] = [fineRule()];
    const calls = installIpc({
      fine_rules: () => rules,
      save_fine_rule: (args) => {
        const rule = args.rule as FineRule;
        rules = [...rules.filter((r) => r.code !== rule.code), rule].sort((a, b) => a.code.localeCompare(b.code));
        return rules;
      },
    });
    const user = userEvent.setup();
    render(FineRules);

    const first = await screen.findByTestId('fine-rule-item');
    expect([...first.querySelectorAll('td')].slice(0, 4).map((td) => text(td))).toEqual([
      '3.1',
      'Verzuim bij de taalles',
      'Verzuim bij de taalles',
      '€ 250,00',
    ]);

    await user.type(screen.getByTestId('fine-rule-code'), '3.2');
    await user.type(screen.getByTestId('fine-rule-description'), 'Niet meewerken aan het PIP');
    await user.type(screen.getByTestId('fine-rule-max'), '1250,5');
    await user.click(screen.getByTestId('fine-rule-save'));

    await waitFor(() => expect(screen.getAllByTestId('fine-rule-item')).toHaveLength(2));
    expect(calls.find((c) => c.cmd === 'save_fine_rule')!.args).toEqual({
      rule: { code: '3.2', description: 'Niet meewerken aan het PIP', trigger: null, max_cents: 125050 },
    });
    const second = screen.getAllByTestId('fine-rule-item')[1];
    expect(text(second)).toContain('Elk gedrag');
    expect(text(second)).toContain('€ 1.250,50');
    expect(text(screen.getByRole('status'))).toBe('Artikel 3.2 opgeslagen');
    expect((screen.getByTestId('fine-rule-code') as HTMLInputElement).value).toBe('');
  });

  it('changes an article, and shows a broken rule at its field', async () => {
    const calls = installIpc({
      fine_rules: () => [fineRule()],
      save_fine_rule: (args) => {
        const rule = args.rule as FineRule;
        if (rule.max_cents > 100000) {
          throw { code: 'validation', message: 'Controleer de invoer', fields: [{ field: 'max_cents', rule: 'too_high', message: 'is te hoog' }] };
        }
        return [rule];
      },
    });
    const user = userEvent.setup();
    render(FineRules);

    await user.click(await screen.findByTestId('fine-rule-edit'));
    expect((screen.getByTestId('fine-rule-code') as HTMLInputElement).value).toBe('3.1');
    expect((screen.getByTestId('fine-rule-trigger') as HTMLSelectElement).value).toBe('verzuim');
    const max = screen.getByTestId('fine-rule-max') as HTMLInputElement;
    expect(max.value).toBe('250');
    await user.clear(max);
    await user.type(max, '2000');
    await user.click(screen.getByTestId('fine-rule-save'));
    expect(text(await screen.findByTestId('field-error'))).toBe('Maximum is te hoog');

    await user.clear(max);
    await user.type(max, '300');
    await user.selectOptions(screen.getByTestId('fine-rule-trigger'), '');
    await user.click(screen.getByTestId('fine-rule-save'));
    await waitFor(() => expect(text(screen.getByTestId('fine-rule-item'))).toContain('€ 300,00'));
    expect(calls.filter((c) => c.cmd === 'save_fine_rule').at(-1)!.args.rule).toEqual({
      code: '3.1',
      description: 'Verzuim bij de taalles',
      trigger: null,
      max_cents: 30000,
    });
  });
});

describe('Bewaartermijn', () => {
  it('shows the years a dossier is kept and saves another number', async () => {
    const calls = installIpc({
      retention_years: () => 5,
      set_retention_years: (args) => args.years,
    });
    const user = userEvent.setup();
    render(RetentionForm);

    const years = screen.getByTestId('retention-years') as HTMLInputElement;
    await waitFor(() => expect(years.value).toBe('5'));
    expect(screen.getByTestId('retention-form').textContent).toContain(
      'Een dossier wordt na afsluiting zoveel jaar bewaard (standaard 5).',
    );
    await user.clear(years);
    await user.click(screen.getByTestId('retention-years-save'));
    expect(text(screen.getByTestId('field-error'))).toBe('Bewaartermijn moet een heel getal van 1 tot en met 30 zijn');

    await user.type(years, '7');
    await user.click(screen.getByTestId('retention-years-save'));
    await waitFor(() => expect(text(screen.getByRole('status'))).toBe('Bewaartermijn opgeslagen: 7 jaar'));
    expect(calls.find((c) => c.cmd === 'set_retention_years')!.args).toEqual({ years: 7 });
  });
});
