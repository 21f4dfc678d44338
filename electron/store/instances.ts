import type { SqliteDatabase } from './database';

export interface InstanceRow {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  resourceServer: string | null;
  hasClientSecret: boolean;
  /** The last validation's outcome and time; its full result is `validationResults.get`. */
  lastValidation: { status: 'ok' | 'warning' | 'failed'; at: string } | null;
}

interface RawInstanceRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  resource_server: string | null;
  has_client_secret: number | null;
  validation_status: 'ok' | 'warning' | 'failed' | null;
  validation_at: string | null;
}

const SELECT_INSTANCES = `
  SELECT i.id, i.name, i.created_at, i.updated_at,
         c.resource_server, c.has_client_secret,
         v.status AS validation_status, v.finished_at AS validation_at
  FROM instances i
  LEFT JOIN configurations c ON c.instance_id = i.id
  LEFT JOIN validation_results v ON v.instance_id = i.id`;

function toInstanceRow(raw: RawInstanceRow): InstanceRow {
  return {
    id: raw.id,
    name: raw.name,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    resourceServer: raw.resource_server,
    hasClientSecret: raw.has_client_secret === 1,
    lastValidation:
      raw.validation_status && raw.validation_at
        ? { status: raw.validation_status, at: raw.validation_at }
        : null,
  };
}

/** The `instances` table: the Halo instances the technician keeps side by side. */
export function createInstancesRepository(db: SqliteDatabase) {
  const listStatement = db.prepare<[], RawInstanceRow>(`${SELECT_INSTANCES} ORDER BY i.created_at, i.name`);
  const getStatement = db.prepare<[string], RawInstanceRow>(`${SELECT_INSTANCES} WHERE i.id = ?`);
  const findByNameStatement = db.prepare<[string], { id: string }>(
    'SELECT id FROM instances WHERE name = ? COLLATE NOCASE',
  );
  const insertStatement = db.prepare(
    'INSERT INTO instances (id, name, created_at, updated_at) VALUES (@id, @name, @now, @now)',
  );
  const renameStatement = db.prepare('UPDATE instances SET name = @name, updated_at = @now WHERE id = @id');
  const deleteStatement = db.prepare('DELETE FROM instances WHERE id = ?');

  return {
    list(): InstanceRow[] {
      return listStatement.all().map(toInstanceRow);
    },
    get(id: string): InstanceRow | null {
      const raw = getStatement.get(id);
      return raw ? toInstanceRow(raw) : null;
    },
    /** The id of the instance with that name (case-insensitive), if any. */
    findIdByName(name: string): string | null {
      return findByNameStatement.get(name)?.id ?? null;
    },
    insert(id: string, name: string, now: string): void {
      insertStatement.run({ id, name, now });
    },
    rename(id: string, name: string, now: string): boolean {
      return renameStatement.run({ id, name, now }).changes === 1;
    },
    /** Deletes the instance; its configuration and validation result go with it (ON DELETE CASCADE). */
    delete(id: string): boolean {
      return deleteStatement.run(id).changes === 1;
    },
  };
}

export type InstancesRepository = ReturnType<typeof createInstancesRepository>;
