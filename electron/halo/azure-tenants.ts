import { z } from 'zod';
import type { HaloClientTenant } from '../../shared/mapping-contract';
import { normaliseTenantId } from '../mapping/client-index';
import type { HaloClientRow } from './schemas';

/**
 * A client's Microsoft tenants as Halo lists them: `GET /api/Client?includeazuretenants=true` adds
 * `azure_tenants`, a list of Halo's AreaAzureTenant records (`id, details_id, client_id, azure_tenant_id,
 * azure_tenant_name, azure_tenant_domain, ...`; Halo's Swagger, components.schemas.AreaAzureTenant). Only
 * the tenant id and its domain and name matter here; a record without a GUID tenant id cannot be used and
 * is counted, never fatal: the client itself is still read.
 */
const areaAzureTenantSchema = z.looseObject({
  azure_tenant_id: z.string().transform((value, context) => {
    const tenantId = normaliseTenantId(value);
    if (tenantId === null) {
      context.addIssue({ code: 'custom', message: 'not a GUID' });
      return z.NEVER;
    }
    return tenantId;
  }),
  azure_tenant_name: z.string().nullish().catch(null),
  azure_tenant_domain: z.string().nullish().catch(null),
});

export interface ClientTenants {
  tenants: HaloClientTenant[];
  /** Tenant records on this row that could not be read (not an object, or no GUID tenant id). */
  unreadable: number;
}

function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The usable tenants of one client row (each tenant id once), and how many records were unreadable. */
export function readClientTenants(row: Pick<HaloClientRow, 'azure_tenants'>): ClientTenants {
  const tenants = new Map<string, HaloClientTenant>();
  let unreadable = 0;
  for (const raw of row.azure_tenants ?? []) {
    const parsed = areaAzureTenantSchema.safeParse(raw);
    if (!parsed.success) {
      unreadable += 1;
      continue;
    }
    const { azure_tenant_id: tenantId, azure_tenant_name, azure_tenant_domain } = parsed.data;
    if (tenants.has(tenantId)) continue;
    tenants.set(tenantId, {
      tenantId,
      name: textOrNull(azure_tenant_name),
      domain: textOrNull(azure_tenant_domain)?.toLowerCase() ?? null,
    });
  }
  return { tenants: [...tenants.values()], unreadable };
}
