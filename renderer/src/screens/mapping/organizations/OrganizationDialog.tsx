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
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!isOpen) return;
    setName(organization?.name ?? '');
    setDomain(organization?.domain ?? '');
    setExternalId(organization?.externalId ?? '');
    setError(undefined);
  }, [isOpen, organization]);

  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.organizations.upsert({
        ...(organization ? { id: organization.id } : {}),
        name,
        domain: domain.trim() || null,
        externalId: externalId.trim() || null,
      });
      onSaved(saved);
      onClose();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : messageOf(caught));
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
                help="Matched against the website of Halo clients: the strongest hint after an id."
              />
              <FormField
                label="External id"
                tag="Optional"
                value={externalId}
                onChange={setExternalId}
                help="Your own id for it (e.g. from your RMM or accounting); matched against Halo's reference fields."
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
