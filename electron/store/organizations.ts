import { z } from 'zod';
import type { FileFormat, Organization, OrganizationSource } from '../../shared/mapping-contract';
import type { SqliteDatabase } from './database';
import { type BadRowReporter, parseStoredJson } from './stored-json';

/** `organizations.domains_json`: a JSON array of lower-case domains. */
const domainsSchema = z.array(z.string());

interface RawOrganization {
  id: string;
  name: string;
  domain: string | null;
  external_id: string | null;
  microsoft_tenant_id: string | null;
  domains_json: string;
  created_at: string;
  updated_at: string;
}

interface RawSource {
  path: string;
  format: FileFormat;
  linked_at: string;
  last_read_at: string | null;
}

export interface OrganizationWrite {
  id: string;
  name: string;
  domain: string | null;
  externalId: string | null;
  /** Lower-case GUID; absent keeps the stored one on update, and means none on insert. */
  microsoftTenantId?: string | null;
  /** Absent keeps the stored ones on update, and means none on insert. */
  domains?: readonly string[];
}

function toOrganization(raw: RawOrganization, report: BadRowReporter): Organization {
  return {
    id: raw.id,
    name: raw.name,
    domain: raw.domain,
    externalId: raw.external_id,
    microsoftTenantId: raw.microsoft_tenant_id,
    domains:
      parseStoredJson(domainsSchema, raw.domains_json, `The domains of organization ${raw.id}`, report) ?? [],
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

/**
 * The `organizations` table (our organizations: one directory for the whole app, shared by every
 * instance) and `organization_source` (the file Refresh Options re-reads, if one is linked).
 */
export function createOrganizationsRepository(db: SqliteDatabase, report: BadRowReporter) {
  const listStatement = db.prepare<[], RawOrganization>(
    'SELECT * FROM organizations ORDER BY name COLLATE NOCASE',
  );
  const getStatement = db.prepare<[string], RawOrganization>('SELECT * FROM organizations WHERE id = ?');
  const findByNameStatement = db.prepare<[string], RawOrganization>(
    'SELECT * FROM organizations WHERE name = ? COLLATE NOCASE',
  );
  const insertStatement = db.prepare(`
    INSERT INTO organizations (id, name, domain, external_id, microsoft_tenant_id, domains_json, created_at, updated_at)
    VALUES (@id, @name, @domain, @externalId, @microsoftTenantId, @domainsJson, @now, @now)`);
  // A NULL parameter for the tenant or the domains keeps what is stored (see OrganizationWrite).
  const updateStatement = db.prepare(`
    UPDATE organizations SET name = @name, domain = @domain, external_id = @externalId,
      microsoft_tenant_id = CASE WHEN @keepTenant = 1 THEN microsoft_tenant_id ELSE @microsoftTenantId END,
      domains_json = coalesce(@domainsJson, domains_json), updated_at = @now
    WHERE id = @id`);
  const deleteStatement = db.prepare('DELETE FROM organizations WHERE id = ?');
  const getSourceStatement = db.prepare<[], RawSource>(
    'SELECT * FROM organization_source WHERE singleton = 1',
  );
  const setSourceStatement = db.prepare(`
    INSERT INTO organization_source (singleton, path, format, linked_at, last_read_at)
    VALUES (1, @path, @format, @linkedAt, @lastReadAt)
    ON CONFLICT (singleton) DO UPDATE SET path = excluded.path, format = excluded.format,
      linked_at = excluded.linked_at, last_read_at = excluded.last_read_at`);
  const markSourceReadStatement = db.prepare(
    'UPDATE organization_source SET last_read_at = ? WHERE singleton = 1',
  );
  const clearSourceStatement = db.prepare('DELETE FROM organization_source');
  const mappedInStatement = db.prepare<[string, string], { organization_id: string }>(`
    SELECT organization_id FROM mappings_saved WHERE organization_id IN (SELECT value FROM json_each(?))
    UNION
    SELECT organization_id FROM mappings_draft
      WHERE state <> 'unmapped' AND organization_id IN (SELECT value FROM json_each(?))`);

  return {
    list(): Organization[] {
      return listStatement.all().map((raw) => toOrganization(raw, report));
    },
    get(id: string): Organization | null {
      const raw = getStatement.get(id);
      return raw ? toOrganization(raw, report) : null;
    },
    findByName(name: string): Organization | null {
      const raw = findByNameStatement.get(name);
      return raw ? toOrganization(raw, report) : null;
    },
    insert(organization: OrganizationWrite, now: string): void {
      insertStatement.run({
        id: organization.id,
        name: organization.name,
        domain: organization.domain,
        externalId: organization.externalId,
        microsoftTenantId: organization.microsoftTenantId ?? null,
        domainsJson: JSON.stringify(organization.domains ?? []),
        now,
      });
    },
    update(organization: OrganizationWrite, now: string): void {
      updateStatement.run({
        id: organization.id,
        name: organization.name,
        domain: organization.domain,
        externalId: organization.externalId,
        keepTenant: organization.microsoftTenantId === undefined ? 1 : 0,
        microsoftTenantId: organization.microsoftTenantId ?? null,
        domainsJson: organization.domains === undefined ? null : JSON.stringify(organization.domains),
        now,
      });
    },
    /** Deletes organizations; their mappings, suggestions and decisions go with them (ON DELETE CASCADE). */
    delete(ids: readonly string[]): number {
      let removed = 0;
      for (const id of ids) removed += deleteStatement.run(id).changes;
      return removed;
    },
    /** Which of `ids` are mapped or excluded (saved, or in a draft) in some instance. */
    mappedAnywhere(ids: readonly string[]): string[] {
      const json = JSON.stringify(ids);
      return mappedInStatement.all(json, json).map((row) => row.organization_id);
    },
    source(): OrganizationSource | null {
      const raw = getSourceStatement.get();
      if (!raw) return null;
      return { path: raw.path, format: raw.format, linkedAt: raw.linked_at, lastReadAt: raw.last_read_at };
    },
    setSource(source: OrganizationSource): void {
      setSourceStatement.run(source);
    },
    markSourceRead(at: string): void {
      markSourceReadStatement.run(at);
    },
    clearSource(): void {
      clearSourceStatement.run();
    },
  };
}

export type OrganizationsRepository = ReturnType<typeof createOrganizationsRepository>;
