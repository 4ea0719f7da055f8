import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import SignalSettingsForm from './SignalSettingsForm.svelte';
import { installIpc } from '../test/ipc';
import { SETTINGS, signalsBackend } from '../test/signals';
import type { SignalSettings } from '../api';

describe('Signal settings', () => {
  it('shows every threshold and saves the edited numbers', async () => {
    const backend = signalsBackend([]);
    const calls = installIpc(backend.handlers);
    const user = userEvent.setup();
    render(SignalSettingsForm);

    const intake = (await screen.findByTestId('signal-setting-intake-warning-days')) as HTMLInputElement;
    expect(intake.value).toBe('14');
    expect(screen.getByLabelText(/Intake en PIP: waarschuwen.*dagen vóór de 10 weken/)).toBe(intake);
    for (const field of Object.keys(SETTINGS)) {
      const input = screen.getByTestId(`signal-setting-${field.replace(/_/g, '-')}`) as HTMLInputElement;
      expect(Number(input.value)).toBe(SETTINGS[field as keyof SignalSettings]);
    }
    expect(screen.getByText(/Standaardwaarden uit de domeinbeschrijving/)).toBeTruthy();

    await user.clear(intake);
    await user.type(intake, '21');
    const absences = screen.getByTestId('signal-setting-absence-count');
    await user.clear(absences);
    await user.type(absences, '3');
    expect(screen.getByText('(standaard 14)')).toBeTruthy();
    await user.click(screen.getByTestId('signal-settings-save'));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Opgeslagen'));
    expect(calls.find((c) => c.cmd === 'save_signal_settings')!.args.settings).toEqual({
      ...SETTINGS,
      intake_warning_days: 21,
      absence_count: 3,
    });
    expect(backend.state.settings.intake_warning_days).toBe(21);
  });

  it('shows the errors at their field', async () => {
    const calls = installIpc({
      ...signalsBackend([]).handlers,
      save_signal_settings: () =>
        Promise.reject({
          code: 'validation',
          message: 'Ongeldige invoer',
          fields: [{ field: 'absence_count', rule: 'range', message: 'moet tussen 1 en 100 liggen' }],
        }),
    });
    const user = userEvent.setup();
    render(SignalSettingsForm);
    const waiting = (await screen.findByTestId('signal-setting-waiting-weeks')) as HTMLInputElement;

    // Empty: stopped here.
    await user.clear(waiting);
    await user.click(screen.getByTestId('signal-settings-save'));
    const error = screen.getByTestId('field-error');
    expect(error.textContent).toBe('Vul een heel getal van 1 of meer in');
    expect(error.closest('[data-field]')!.getAttribute('data-field')).toBe('waiting_weeks');
    expect(calls.some((c) => c.cmd === 'save_signal_settings')).toBe(false);

    // The backend's rule.
    await user.type(waiting, '8');
    const absences = screen.getByTestId('signal-setting-absence-count');
    await user.clear(absences);
    await user.type(absences, '500');
    await user.click(screen.getByTestId('signal-settings-save'));
    await waitFor(() =>
      expect(screen.getByTestId('field-error').textContent).toBe('Waarde moet tussen 1 en 100 liggen'),
    );
    expect(screen.getByTestId('field-error').closest('[data-field]')!.getAttribute('data-field')).toBe('absence_count');
    expect(absences.getAttribute('aria-invalid')).toBe('true');
  });
});
