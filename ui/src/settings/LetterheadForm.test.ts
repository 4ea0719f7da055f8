import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import LetterheadForm from './LetterheadForm.svelte';
import { installIpc } from '../test/ipc';
import type { LetterheadSettings } from '../api';

describe('LetterheadForm', () => {
  it('loads a municipality’s letterhead and saves blank fields as empty', async () => {
    const stored: Record<string, LetterheadSettings> = {
      Lisse: { department: 'Team Inburgering', address: 'Heereweg 254', postcode_city: null, phone: null, email: null, website: null },
    };
    const calls = installIpc({
      letterhead: (args) =>
        stored[args.municipality as string] ?? { department: null, address: null, postcode_city: null, phone: null, email: null, website: null },
      save_letterhead: (args) => {
        stored[args.municipality as string] = args.letterhead as LetterheadSettings;
        return args.letterhead;
      },
    });
    const user = userEvent.setup();
    render(LetterheadForm, { municipalities: ['Lisse', 'Hillegom'] });

    const address = screen.getByTestId('letterhead-address') as HTMLInputElement;
    await waitFor(() => expect(address.value).toBe('Heereweg 254'));
    await user.type(screen.getByTestId('letterhead-postcode_city'), '2161 BM Lisse');
    await user.clear(screen.getByTestId('letterhead-department'));
    await user.click(screen.getByTestId('letterhead-save'));

    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Gemeente Lisse opgeslagen'));
    const saved = calls.find((c) => c.cmd === 'save_letterhead')!.args;
    expect(saved.municipality).toBe('Lisse');
    expect(saved.letterhead).toMatchObject({ department: null, address: 'Heereweg 254', postcode_city: '2161 BM Lisse' });

    await user.selectOptions(screen.getByTestId('letterhead-municipality'), 'Hillegom');
    await waitFor(() => expect(address.value).toBe(''));
  });
});
