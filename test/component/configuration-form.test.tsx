import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemorySecretStore, KeychainUnavailableError, type SecretStore } from '../../electron/backend';
import { type AppHarness, renderApp, startBackend } from './render-app';

const CLIENT_ID = '2f0c8a51-7d4e-4b1a-9c3e-5a6b7c8d9e0f';
const SECRET = 'Zx81Kq0Lm3Np5Rs7Tu9Vw2Xy4Za6Bc8De0Fg1';

let app: AppHarness | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

async function openInstance(options: { secrets?: SecretStore } = {}) {
  const started = startBackend(options);
  const created = await started.backend.invoke('instances:create', { name: 'Production' });
  if (!created.ok) throw new Error(created.error.message);
  app = renderApp(started);
  await screen.findByRole('form', { name: 'Halo configuration' });
  return { app, id: created.value.id };
}

const field = (name: string | RegExp) => screen.getByRole('textbox', { name });
const secretInput = () => screen.getByLabelText('Client Secret');
const saveButton = () => screen.getByRole('button', { name: 'Save and validate' });

async function savedConfiguration(id: string) {
  const result = await app?.backend.invoke('config:get', { instanceId: id });
  if (!result?.ok) throw new Error('config:get failed');
  return result.value.configuration;
}

/** Clicks into a field and pastes: how technicians fill this form, and much faster than typing. */
async function paste(user: AppHarness['user'], element: HTMLElement, text: string) {
  await user.click(element);
  await user.paste(text);
}

async function fillValid(user: AppHarness['user']) {
  await paste(user, field('Resource Server Hostname'), 'acme.halopsa.com');
  await paste(user, field('Tenant ID'), 'acme');
  await paste(user, field('Client ID'), CLIENT_ID);
  await paste(user, secretInput(), SECRET);
}

describe('configuration form', { timeout: 20_000 }, () => {
  it('shows inline errors on blur for a bad hostname and a bad GUID', async () => {
    const { app } = await openInstance();
    const { user } = app;
    await user.type(field('Resource Server Hostname'), 'acme halopsa.com');
    await user.tab();
    const host = field('Resource Server Hostname');
    expect(host).toHaveAttribute('aria-invalid', 'true');
    expect(host).toHaveAccessibleDescription(/There is a space inside "acme halopsa.com"/);

    await user.type(field('Client ID'), '2f0c8a51-7d4e-4b1a');
    await user.tab();
    expect(field('Client ID')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/The Client ID looks cut short: it has 16 of the 32 digits/)).toBeVisible();

    // Typing again clears the error until the next blur.
    await user.type(field('Client ID'), '-9c3e-5a6b7c8d9e0f');
    expect(field('Client ID')).not.toHaveAttribute('aria-invalid');
    await user.tab();
    expect(field('Client ID')).not.toHaveAttribute('aria-invalid');
  });

  it('cleans up a pasted URL on blur and says what it will save', async () => {
    const { app } = await openInstance();
    const { user } = app;
    await user.type(field('Resource Server Hostname'), 'https://Acme.HaloPSA.com/api');
    await user.tab();
    expect(field('Resource Server Hostname')).toHaveValue('acme.halopsa.com');
    expect(screen.getByText(/will be saved as acme\.halopsa\.com/)).toBeVisible();
  });

  it('suggests the tenant of a hosted host and fills it on request', async () => {
    const { app } = await openInstance();
    const { user } = app;
    await user.type(field('Resource Server Hostname'), 'contoso.halopsa.com');
    expect(screen.getByText(/usually use the first part of the host name/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Use “contoso”' }));
    expect(field('Tenant ID')).toHaveValue('contoso');
    expect(screen.queryByText(/usually use the first part of the host name/)).not.toBeInTheDocument();
  });

  it('keeps the secret write-only: saved to the keychain, never rendered, replaceable', async () => {
    const secrets = createMemorySecretStore();
    const { app, id } = await openInstance({ secrets });
    const { user } = app;
    await fillValid(user);
    await user.click(saveButton());

    expect(await screen.findByText('Stored in keychain')).toBeVisible();
    expect(screen.queryByLabelText('Client Secret')).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(await secrets.get(id)).toBe(SECRET);
    const saved = await savedConfiguration(id);
    expect(saved).toMatchObject({
      resourceServer: 'acme.halopsa.com',
      tenant: 'acme',
      clientId: CLIENT_ID,
      hasClientSecret: true,
    });
    expect(JSON.stringify(saved)).not.toContain(SECRET);

    // Replace reveals an empty password field; "keep" hides it again without touching the keychain.
    await user.click(screen.getByRole('button', { name: 'Replace' }));
    const replacement = secretInput();
    expect(replacement).toHaveAttribute('type', 'password');
    expect(replacement).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Keep the stored secret' }));
    expect(screen.getByText('Stored in keychain')).toBeVisible();

    // A replacement is saved; the form goes back to "Stored in keychain".
    await user.click(screen.getByRole('button', { name: 'Replace' }));
    await paste(user, secretInput(), `${SECRET}-rotated`);
    await user.click(saveButton());
    await screen.findByText('Stored in keychain');
    expect(await secrets.get(id)).toBe(`${SECRET}-rotated`);
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('asks for the secret before the first save', async () => {
    const { app, id } = await openInstance();
    const { user } = app;
    await user.type(field('Resource Server Hostname'), 'acme.halopsa.com');
    await user.type(field('Client ID'), CLIENT_ID);
    await user.click(saveButton());
    expect(await screen.findByText(/Enter the Client Secret/)).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('Not saved yet: the Client Secret is missing.');
    expect(await savedConfiguration(id)).toBeNull();
  });

  it("shows the backend's field errors inline and keeps what was typed", async () => {
    const { app, id } = await openInstance();
    const { user } = app;
    await user.type(field('Resource Server Hostname'), 'acme.halopsa.com');
    await user.type(secretInput(), SECRET);
    // Typed and submitted with Enter, never blurred: only the backend has checked this value.
    await user.click(field('Client ID'));
    await user.keyboard('not-a-guid{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not saved: one field needs a change (marked below).');
    expect(field('Client ID')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Client ID')).toHaveAccessibleDescription(/The Client ID is a GUID/);
    expect(field('Client ID')).toHaveValue('not-a-guid');
    expect(field('Resource Server Hostname')).toHaveValue('acme.halopsa.com');
    expect(secretInput()).toHaveValue(SECRET);
    expect(await savedConfiguration(id)).toBeNull();
  });

  it('keeps what was typed when the keychain refuses the secret', async () => {
    const refusing: SecretStore = {
      ...createMemorySecretStore(),
      description: 'refusing keychain',
      async set() {
        throw new KeychainUnavailableError(
          'No Secret Service is running, so the secret cannot be stored safely.',
        );
      },
    };
    const { app, id } = await openInstance({ secrets: refusing });
    const { user } = app;
    await fillValid(user);
    await user.click(saveButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not saved: No Secret Service is running, so the secret cannot be stored safely.',
    );
    expect(field('Resource Server Hostname')).toHaveValue('acme.halopsa.com');
    expect(secretInput()).toHaveValue(SECRET);
    expect(saveButton()).toBeEnabled();
    expect(await savedConfiguration(id)).toBeNull();
  });

  it('shows unsaved changes, disables Save when there are none, and discards', async () => {
    const { app } = await openInstance();
    const { user } = app;
    const form = screen.getByRole('form', { name: 'Halo configuration' });
    expect(saveButton()).toBeDisabled();
    expect(within(form).getByText('Nothing entered yet')).toBeInTheDocument();

    await fillValid(user);
    expect(within(form).getByText('Not saved yet')).toBeInTheDocument();
    expect(saveButton()).toBeEnabled();
    await user.click(saveButton());
    await screen.findByText('Stored in keychain');
    await waitFor(() => expect(within(form).getByText('Saved')).toBeInTheDocument());
    expect(saveButton()).toBeDisabled();

    await user.clear(field('Tenant ID'));
    expect(within(form).getByText('Unsaved changes')).toBeInTheDocument();
    expect(saveButton()).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(field('Tenant ID')).toHaveValue('acme');
    expect(within(form).getByText('All changes saved')).toBeInTheDocument();
    expect(saveButton()).toBeDisabled();
  });

  it('shows the private CA field only on-premise, and reads a chosen file', async () => {
    const { app } = await openInstance();
    const { user } = app;
    expect(screen.queryByRole('textbox', { name: /Private CA certificate/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Is On-Premise' }));
    const ca = screen.getByRole('textbox', { name: /Private CA certificate/ });
    expect(ca).toBeVisible();

    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    const file = new File(['not a certificate'], 'ca.pem', { type: 'application/x-pem-file' });
    await user.upload(input, file);
    await waitFor(() => expect(ca).toHaveValue('not a certificate'));
    expect(await screen.findByText('Loaded ca.pem')).toBeVisible();
    await waitFor(() => expect(ca).toHaveAttribute('aria-invalid', 'true'));
  });
});
