import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import type { Organization } from '../../../shared/mapping-contract';
import { normaliseTenantId } from '../../mapping/client-index';
import { AppError } from '../app-error';
import type { BackendContext } from '../context';

/**
 * Adds an organization (no id) or edits one (with id): names are unique case-insensitively, and a
 * Microsoft tenant id must be a GUID (see tenantIdOfRequest). One transaction.
 */
export function saveOrganization(
  context: BackendContext,
  request: ParsedRequestOf<'organizations:upsert'>,
): ResponseOf<'organizations:upsert'> {
  const now = context.now().toISOString();
  const name = request.name.replace(/\s+/g, ' ');
  return context.store.transaction(() => {
    const sameName = context.store.organizations.findByName(name);
    if (sameName && sameName.id !== request.id) {
      throw new AppError('conflict', `An organization called "${sameName.name}" exists already.`, {
        id: sameName.id,
      });
    }
    if (request.id === undefined) {
      const id = context.newId();
      context.store.organizations.insert(
        {
          id,
          name,
          domain: request.domain || null,
          externalId: request.externalId || null,
          microsoftTenantId: tenantIdOfRequest(request.microsoftTenantId) ?? null,
        },
        now,
      );
      return context.store.organizations.get(id) as Organization;
    }
    const current = context.store.organizations.get(request.id);
    if (!current) throw new AppError('not-found', 'That organization no longer exists.', { id: request.id });
    context.store.organizations.update(
      {
        id: current.id,
        name,
        domain: request.domain === undefined ? current.domain : request.domain || null,
        externalId: request.externalId === undefined ? current.externalId : request.externalId || null,
        microsoftTenantId: tenantIdOfRequest(request.microsoftTenantId),
      },
      now,
    );
    return context.store.organizations.get(current.id) as Organization;
  });
}

/**
 * The tenant id a form sent, as a lower-case GUID: undefined keeps the stored one, empty or null clears
 * it, anything else must be a GUID or the save is refused with the field named.
 */
function tenantIdOfRequest(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === '') return null;
  const tenantId = normaliseTenantId(value);
  if (tenantId !== null) return tenantId;
  const message = `"${value.trim()}" is not a Microsoft tenant id: it is a GUID like 72f988bf-86f1-41af-91ab-2d7cd011db47 (Entra admin center > Overview > Tenant ID).`;
  throw new AppError('invalid-request', message, { fields: { microsoftTenantId: message } });
}
