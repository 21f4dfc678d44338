import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../electron/backend';
import { type AppHarness, renderApp, startBackend } from './render-app';

let app: AppHarness | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

async function invokeOk<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
) {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const sidebar = () => screen.getByRole('listbox', { name: 'Halo instances' });

describe('instances', () => {
  it('greets a first run and creates the first instance from the welcome screen', async () => {
    app = renderApp();
    const { user } = app;
    await user.click(await screen.findByRole('button', { name: 'Add your first Halo instance' }));
    const dialog = await screen.findByRole('dialog', { name: 'New Halo instance' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Production');
    await user.click(within(dialog).getByRole('button', { name: 'Create instance' }));

    const row = await within(sidebar()).findByRole('option', { name: /Production/ });
    expect(row).toHaveTextContent('Not configured');
    expect(row).toHaveTextContent('Not validated');
    expect(row).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { level: 1, name: 'Production' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    const listed = await invokeOk(app.backend.invoke('instances:list', {}));
    expect(listed.instances.map((instance) => instance.name)).toEqual(['Production']);
  });

  it('refuses a duplicate name with the backend message and keeps the dialog open', async () => {
    const started = startBackend();
    await invokeOk(started.backend.invoke('instances:create', { name: 'Production' }));
    app = renderApp(started);
    const { user } = app;
    await user.click(await screen.findByRole('button', { name: /New instance/ }));
    const dialog = await screen.findByRole('dialog', { name: 'New Halo instance' });
    const field = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.type(field, 'Production');
    await user.click(within(dialog).getByRole('button', { name: 'Create instance' }));

    expect(
      await within(dialog).findByText('An instance called "Production" exists already. Choose another name.'),
    ).toBeVisible();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveValue('Production');
    const listed = await invokeOk(app.backend.invoke('instances:list', {}));
    expect(listed.instances).toHaveLength(1);
  });

  it('refuses a blank name without asking the backend', async () => {
    app = renderApp();
    const { user } = app;
    await user.click(await screen.findByRole('button', { name: 'Add your first Halo instance' }));
    const dialog = await screen.findByRole('dialog');
    const create = within(dialog).getByRole('button', { name: 'Create instance' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), '   ');
    expect(create).toBeDisabled();
  });

  it('renames an instance', async () => {
    const started = startBackend();
    const created = await invokeOk(started.backend.invoke('instances:create', { name: 'Staging' }));
    app = renderApp(started);
    const { user } = app;
    await user.click(await screen.findByRole('button', { name: 'Rename' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rename instance' });
    const field = within(dialog).getByRole('textbox', { name: 'Name' });
    expect(field).toHaveValue('Staging');
    await user.clear(field);
    await user.type(field, 'Contoso sandbox');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Contoso sandbox' })).toBeInTheDocument();
    expect(within(sidebar()).getByRole('option', { name: /Contoso sandbox/ })).toBeInTheDocument();
    const listed = await invokeOk(app.backend.invoke('instances:list', {}));
    expect(listed.instances).toEqual([expect.objectContaining({ id: created.id, name: 'Contoso sandbox' })]);
  });

  it('deletes an instance after a confirmation that names what is lost, secret included', async () => {
    const secrets = createMemorySecretStore();
    const started = startBackend({ secrets });
    const production = await invokeOk(started.backend.invoke('instances:create', { name: 'Production' }));
    await invokeOk(started.backend.invoke('instances:create', { name: 'Sandbox' }));
    await invokeOk(
      started.backend.invoke('config:save', {
        instanceId: production.id,
        configuration: {
          resourceServer: 'acme.halopsa.com',
          clientId: '2f0c8a51-7d4e-4b1a-9c3e-5a6b7c8d9e0f',
          tenant: 'acme',
          authServer: '',
          isOnPremise: false,
          caCertificatePem: '',
          clientSecret: 'Zx81Kq0Lm3Np5Rs7Tu9Vw2Xy4Za6Bc8De',
        },
      }),
    );
    app = renderApp(started);
    const { user } = app;
    await user.click(await within(sidebar()).findByRole('option', { name: /Production/ }));
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog', { name: /Delete “Production”\?/ });
    expect(dialog).toHaveTextContent(
      "Deletes 'Production': its configuration for acme.halopsa.com and its client secret in the OS keychain. This cannot be undone.",
    );

    // Cancel first: nothing happens.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(await secrets.get(production.id)).not.toBeNull();

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete instance' }),
    );
    await waitFor(() =>
      expect(within(sidebar()).queryByRole('option', { name: /Production/ })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Sandbox' })).toBeInTheDocument();
    expect(await secrets.get(production.id)).toBeNull();
    const listed = await invokeOk(app.backend.invoke('instances:list', {}));
    expect(listed.instances.map((instance) => instance.name)).toEqual(['Sandbox']);
  });

  it('returns to the welcome screen when the last instance is deleted', async () => {
    const started = startBackend();
    await invokeOk(started.backend.invoke('instances:create', { name: 'Only one' }));
    app = renderApp(started);
    const { user } = app;
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent(
      "Deletes 'Only one'. It has no configuration yet, so nothing else is lost.",
    );
    await user.click(within(dialog).getByRole('button', { name: 'Delete instance' }));
    expect(await screen.findByRole('button', { name: 'Add your first Halo instance' })).toBeInTheDocument();
  });

  it('selects an instance from the sidebar with the keyboard', async () => {
    const started = startBackend();
    await invokeOk(started.backend.invoke('instances:create', { name: 'Alpha' }));
    await invokeOk(started.backend.invoke('instances:create', { name: 'Bravo' }));
    app = renderApp(started);
    const { user } = app;
    const alpha = await within(sidebar()).findByRole('option', { name: /Alpha/ });
    await user.click(alpha);
    expect(screen.getByRole('heading', { level: 1, name: 'Alpha' })).toBeInTheDocument();
    await user.keyboard('{ArrowDown}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bravo' })).toBeInTheDocument();
  });
});
