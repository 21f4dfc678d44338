import type { HaloClientRecord } from '../../shared/mapping-contract';
import { readClientTenants } from './azure-tenants';
import { cleanClientName } from './clean-name';
import type { HaloClientRow } from './schemas';

/** Halo's client rows as records, and what reading them found worth telling the user. */
export interface ClientRecords {
  clients: HaloClientRecord[];
  /** Names that needed more than entity decoding (control or invisible characters, over-long). */
  cleanedNames: number;
  /** Clients with at least one usable Microsoft tenant. */
  clientsWithTenant: number;
  /** Tenant records without a usable tenant id, left out. */
  unreadableTenants: number;
}

/**
 * The one conversion of Halo's snake_case client rows (already checked by the zod schemas) into the
 * app's camelCase record: names cleaned, `-1` and missing fields as null, Microsoft tenants read.
 */
export function toClientRecords(rows: readonly HaloClientRow[]): ClientRecords {
  let cleanedNames = 0;
  let clientsWithTenant = 0;
  let unreadableTenants = 0;
  const clients = rows.map((row): HaloClientRecord => {
    const { name, cleaned } = cleanClientName(row.name, `Halo client ${row.id}`);
    if (cleaned) cleanedNames += 1;
    const { tenants, unreadable } = readClientTenants(row);
    if (tenants.length > 0) clientsWithTenant += 1;
    unreadableTenants += unreadable;
    return {
      id: row.id,
      name,
      toplevelId: row.toplevel_id ?? null,
      toplevelName: row.toplevel_name ?? null,
      inactive: row.inactive === true,
      mainSiteName: row.main_site_name ?? null,
      website: row.website ?? null,
      ref: row.ref ?? null,
      accountsId: row.accountsid ?? null,
      tenants,
    };
  });
  return { clients, cleanedNames, clientsWithTenant, unreadableTenants };
}
