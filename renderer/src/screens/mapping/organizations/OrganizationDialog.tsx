import { useEffect, useState } from 'react';
import { Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { Organization } from '../../../../../shared/mapping-contract';
import { ApiError, api } from '../../../api';
import { AppButton } from '../../../components/AppButton';
import { FormField } from '../../../components/FormField';
import { messageOf } from '../../../lib/errors';

/** Adds an organization (`organization` null) or edits one. Names are unique, case-insensitively. */
export function OrganizationDialog({
  isOpen,
  organization,
  onClose,
  onSaved,
}: {
  isOpen: boolean;
  organization: Organization | null;
  onClose(): void;
  onSaved(organization: Organization): void;
}) {
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  const [externalId, setExternalId] = useState('');
  const [tenantId, setTenantId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [tenantError, setTenantError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!isOpen) return;
    setName(organization?.name ?? '');
    setDomain(organization?.domain ?? '');
    setExternalId(organization?.externalId ?? '');
    setTenantId(organization?.microsoftTenantId ?? '');
    setError(undefined);
    setTenantError(undefined);
  }, [isOpen, organization]);

  async function submit() {
    setBusy(true);
    setError(undefined);
    setTenantError(undefined);
    try {
      const saved = await api.organizations.upsert({
        ...(organization ? { id: organization.id } : {}),
        name,
        domain: domain.trim() || null,
        externalId: externalId.trim() || null,
        microsoftTenantId: tenantId.trim() || null,
      });
      onSaved(saved);
      onClose();
    } catch (caught) {
      const onTenant = caught instanceof ApiError ? caught.fieldErrors.microsoftTenantId : undefined;
      if (onTenant !== undefined) setTenantError(onTenant);
      else setError(caught instanceof ApiError ? caught.message : messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => !open && !busy && onClose()}
      isDismissable={!busy}
      className="modal-overlay"
    >
      <Modal className="modal modal--narrow">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog__title">
            {organization ? 'Edit organization' : 'Add organization'}
          </Heading>
          <Form
            onSubmit={(event) => {
              event.preventDefault();
              if (name.trim()) void submit();
            }}
          >
            <div className="org-form">
              <FormField label="Name" value={name} onChange={setName} error={error} autoFocus />
              <FormField
                label="Domain"
                tag="Optional"
                value={domain}
                onChange={setDomain}
                placeholder="contoso.com"
                help="Matched against the domains of Halo clients' Microsoft tenants (Halo lists no client websites)."
              />
              <FormField
                label="External id"
                tag="Optional"
                value={externalId}
                onChange={setExternalId}
                help="Your own id for it (e.g. from your RMM or accounting); matched against Halo's reference fields."
              />
              <FormField
                label="Microsoft tenant id"
                tag="Optional"
                value={tenantId}
                onChange={setTenantId}
                error={tenantError}
                placeholder="72f988bf-86f1-41af-91ab-2d7cd011db47"
                help="The organization's Entra tenant id (a GUID). The same tenant on exactly one Halo client is the strongest suggestion."
              />
            </div>
            <div className="dialog__actions">
              <AppButton variant="secondary" onPress={onClose} isDisabled={busy}>
                Cancel
              </AppButton>
              <AppButton variant="primary" type="submit" isDisabled={busy || name.trim() === ''}>
                {organization ? 'Save' : 'Add organization'}
              </AppButton>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
