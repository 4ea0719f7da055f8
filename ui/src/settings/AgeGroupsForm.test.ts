// Instellingen → Rapportages: the age groups of the cohort report.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AgeGroupsForm from './AgeGroupsForm.svelte';
import { installIpc } from '../test/ipc';
import { text } from '../test/trajectory';

describe('Leeftijdsgroepen', () => {
  it('shows the groups and saves new bounds', async () => {
    const calls = installIpc({
      report_age_groups: () => ({ bounds: [18, 30, 45, 65] }),
      set_report_age_groups: () => ({ bounds: [18, 25, 67] }),
    });
    const user = userEvent.setup();
    render(AgeGroupsForm);

    const input = screen.getByTestId('age-groups') as HTMLInputElement;
    await waitFor(() => expect(input.value).toBe('18, 30, 45, 65'));
    expect(text(screen.getByTestId('age-groups-form'))).toContain('Nu: 18–29, 30–44, 45–64, 65+');

    await user.clear(input);
    await user.type(input, '18 25 67');
    await user.click(screen.getByTestId('age-groups-save'));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Leeftijdsgroepen opgeslagen: 18–24, 25–66, 67+'));
    expect(calls.find((c) => c.cmd === 'set_report_age_groups')!.args).toEqual({ bounds: '18 25 67' });
    expect(input.value).toBe('18, 25, 67');
  });

  it('shows why bounds are refused next to the field', async () => {
    installIpc({
      report_age_groups: () => ({ bounds: [18, 30, 45, 65] }),
      set_report_age_groups: () =>
        Promise.reject({
          code: 'validation',
          message: 'ongeldig',
          fields: [{ field: 'bounds', rule: 'age_groups', message: 'de grenzen moeten oplopen, bijv. 18, 30, 45, 65' }],
        }),
    });
    const user = userEvent.setup();
    render(AgeGroupsForm);
    const input = screen.getByTestId('age-groups') as HTMLInputElement;
    await waitFor(() => expect(input.value).toBe('18, 30, 45, 65'));
    await user.clear(input);
    await user.type(input, '45, 30');
    await user.click(screen.getByTestId('age-groups-save'));

    const error = await screen.findByTestId('field-error');
    expect(text(error)).toBe('De grenzen moeten oplopen, bijv. 18, 30, 45, 65');
  });
});
