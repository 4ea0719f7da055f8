import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ClientForm from './ClientForm.svelte';
import { app } from '../lib/app.svelte';
import { router } from '../shell/router.svelte';
import { appState, client, clientInput, installIpc } from '../test/ipc';
import type { ClientInput } from '../api';

async function fillRequired(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(screen.getByLabelText(/^Voornaam/), 'Ahmed');
  await user.type(screen.getByLabelText(/^Achternaam/), 'Haddad');
  await user.type(screen.getByLabelText(/^Geboortedatum/), '2031-05-01');
  await user.selectOptions(screen.getByLabelText(/^Geslacht/), 'M');
  await user.selectOptions(screen.getByLabelText(/^Doelgroep/), 'statushouder');
  await user.selectOptions(screen.getByLabelText(/^Gemeente/), 'Lisse');
}

describe('ClientForm', () => {
  beforeEach(() => {
    app.state = appState();
    app.loading = false;
    router.view = { name: 'new' };
  });

  it('shows the backend Dutch field error under the right field', async () => {
    const calls = installIpc({
      create_client: () =>
        Promise.reject({
          code: 'validation',
          message: 'Ongeldige invoer',
          fields: [{ field: 'birth_date', rule: 'not_future', message: 'ligt in de toekomst' }],
        }),
    });
    const user = userEvent.setup();
    render(ClientForm);
    await fillRequired(user);
    await user.click(screen.getByTestId('save-client'));

    const fieldError = await screen.findByTestId('field-error-birth_date');
    expect(fieldError.textContent).toBe('Geboortedatum ligt in de toekomst');
    // The error sits inside the birth_date field wrapper and is linked to the input.
    expect(fieldError.closest('[data-field]')?.getAttribute('data-field')).toBe('birth_date');
    const input = document.getElementById('birth_date')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('birth_date-error');
    expect(screen.getByTestId('error-summary').textContent).toContain('Controleer de gemarkeerde velden');
    // Other fields are not marked.
    expect(document.getElementById('given_name')!.getAttribute('aria-invalid')).toBe('false');
    expect(calls.map((c) => c.cmd)).toEqual(['create_client']);
    expect(router.view).toEqual({ name: 'new' });
  });

  it('checks required fields before calling the backend', async () => {
    const calls = installIpc({});
    const user = userEvent.setup();
    render(ClientForm);
    await user.click(screen.getByTestId('save-client'));

    expect((await screen.findByTestId('field-error-given_name')).textContent).toBe('Voornaam is verplicht');
    expect(screen.getByTestId('field-error-family_name').textContent).toBe('Achternaam is verplicht');
    expect(screen.getByTestId('field-error-birth_date').textContent).toBe('Geboortedatum is verplicht');
    expect(screen.getByTestId('field-error-gender').textContent).toBe('Geslacht is verplicht');
    expect(screen.getByTestId('field-error-client_type').textContent).toBe('Doelgroep is verplicht');
    expect(screen.getByTestId('field-error-municipality').textContent).toBe('Gemeente is verplicht');
    expect(calls).toHaveLength(0);
  });

  it('creates a client with empty strings sent as null and opens the dossier', async () => {
    const calls = installIpc({
      create_client: (args) => client({ ...(args.input as ClientInput), id: 'new-id' }),
      app_state: () => appState({ client_count: 63 }),
    });
    const user = userEvent.setup();
    render(ClientForm);
    await fillRequired(user);
    await user.type(screen.getByLabelText(/^Andere talen/), 'Engels, Frans');
    await user.click(screen.getByTestId('save-client'));

    await waitFor(() => expect(router.view).toEqual({ name: 'dossier', id: 'new-id' }));
    const input = calls.find((c) => c.cmd === 'create_client')!.args.input as ClientInput;
    expect(input).toMatchObject({
      given_name: 'Ahmed',
      family_name: 'Haddad',
      birth_date: '2031-05-01',
      gender: 'M',
      client_type: 'statushouder',
      statushouder_subtype: null,
      municipality: 'Lisse',
      other_languages: ['Engels', 'Frans'],
      bsn: null,
      email: null,
      kennisgeving_date: null,
      consultant: 'Fatima de Vries',
      status: 'aangemeld',
      interpreter_needed: false,
      interpreter_language: null,
    });
  });

  it('shows subtype only for statushouders and interpreter language only when needed', async () => {
    installIpc({});
    const user = userEvent.setup();
    render(ClientForm);
    expect(document.getElementById('statushouder_subtype')).toBeNull();
    await user.selectOptions(screen.getByLabelText(/^Doelgroep/), 'statushouder');
    expect(document.getElementById('statushouder_subtype')).not.toBeNull();
    expect(document.getElementById('interpreter_language')).toBeNull();
    await user.click(screen.getByLabelText('Tolk nodig'));
    expect(document.getElementById('interpreter_language')).not.toBeNull();
  });

  it('loads an existing client for editing and saves with update_client', async () => {
    const existing = client({ id: 'c-1', bsn: '123456782' });
    const calls = installIpc({
      open_client: () => existing,
      update_client: (args) => ({ ...existing, ...(args.input as ClientInput) }),
      app_state: () => appState(),
    });
    const user = userEvent.setup();
    router.view = { name: 'edit', id: 'c-1' };
    render(ClientForm, { props: { id: 'c-1' } });

    const given = (await screen.findByLabelText(/^Voornaam/)) as HTMLInputElement;
    await waitFor(() => expect(given.value).toBe('Ahmed'));
    expect((document.getElementById('bsn') as HTMLInputElement).value).toBe('123456782');
    await user.selectOptions(screen.getByLabelText(/^Status/), 'in_traject');
    await user.click(screen.getByTestId('save-client'));

    await waitFor(() => expect(router.view).toEqual({ name: 'dossier', id: 'c-1' }));
    const update = calls.find((c) => c.cmd === 'update_client')!;
    expect(update.args.id).toBe('c-1');
    expect((update.args.input as ClientInput).status).toBe('in_traject');
    expect((update.args.input as ClientInput).bsn).toBe('123456782');
  });
});

// Keep the helper referenced for type-checking of fixtures.
void clientInput;
