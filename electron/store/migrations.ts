/**
 * Schema migrations, keyed by `PRAGMA user_version`: the entry with `version` N takes the database from
 * version N-1 to N. Append only; never edit a migration that has shipped. Each `up` runs inside the one
 * transaction that `migrate` (database.ts) opens for all pending steps, so an upgrade applies whole or
 * not at all; each step is logged by name as it runs.
 *
 * New tables are STRICT (types enforced, not just declared) from migration 6 on; the tables of 1 to 5
 * shipped without it and stay as they are (rebuilding them would copy every row for no behaviour change).
 */
import type Database from 'better-sqlite3';
import { decodeHtmlEntities } from '../../shared/html-entities';

export interface Migration {
  version: number;
  /** What the step adds, for the log line ("migration 6: Microsoft tenants"). */
  name: string;
  up(db: Database.Database): void;
}

const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);/i;

/** Every string inside a stored JSON value, decoded (names, reasons); other values stay as they are. */
function decodeJsonStrings(value: unknown): unknown {
  if (typeof value === 'string') return ENTITY.test(value) ? decodeHtmlEntities(value) : value;
  if (Array.isArray(value)) return value.map(decodeJsonStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, decodeJsonStrings(inner)]));
  }
  return value;
}

/** The JSON text with its strings decoded; null for a value that is not JSON (left for its reader to report). */
function decodedJson(json: string): string | null {
  try {
    return JSON.stringify(decodeJsonStrings(JSON.parse(json)));
  } catch {
    return null;
  }
}

/**
 * Migration 7: Halo names cached before the backend decoded them ("Baker &amp; Co") are decoded in place,
 * in every table that holds a copy, so a saved mapping's snapshot still equals the client's (decoded)
 * name after the next refresh instead of reading as renamed. Only rows with an entity are touched.
 */
function decodeStoredHaloNames(db: Database.Database): void {
  const textColumns: [table: string, column: string][] = [
    ['halo_clients', 'name'],
    ['halo_clients', 'toplevel_name'],
    ['halo_clients', 'main_site_name'],
    ['mappings_saved', 'client_name'],
    ['mappings_draft', 'client_name'],
  ];
  for (const [table, column] of textColumns) {
    // By value, not by key: most of these tables are WITHOUT ROWID, and equal texts decode alike.
    const texts = db.prepare<[], { text: string }>(
      `SELECT DISTINCT ${column} AS text FROM ${table} WHERE ${column} LIKE '%&%;%'`,
    );
    const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`);
    for (const { text } of texts.all()) if (ENTITY.test(text)) update.run(decodeHtmlEntities(text), text);
  }
  const jsonColumns: [table: string, column: string][] = [
    ['halo_options', 'top_levels_json'],
    ['mapping_suggestions', 'suggestion_json'],
    ['mapping_history', 'changes_json'],
  ];
  for (const [table, column] of jsonColumns) {
    const texts = db.prepare<[], { json: string }>(
      `SELECT DISTINCT ${column} AS json FROM ${table} WHERE ${column} LIKE '%&%;%'`,
    );
    const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`);
    for (const { json } of texts.all()) {
      const decoded = decodedJson(json);
      if (decoded !== null) update.run(decoded, json);
    }
  }
}

/** A migration that is plain SQL (every one so far); a step that must transform rows can use `up` directly. */
function sqlStep(version: number, name: string, sql: string): Migration {
  return { version, name, up: (db) => db.exec(sql) };
}

export const migrations: readonly Migration[] = [
  // instances and their configuration. The client secret is NOT here: it lives in the OS keychain.
  sqlStep(
    1,
    'instances and configurations',
    `
  CREATE TABLE instances (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );
  CREATE UNIQUE INDEX instances_name_unique ON instances (name COLLATE NOCASE);

  CREATE TABLE configurations (
    instance_id         TEXT PRIMARY KEY REFERENCES instances (id) ON DELETE CASCADE,
    resource_server     TEXT NOT NULL,
    client_id           TEXT NOT NULL,
    tenant              TEXT NOT NULL DEFAULT '',
    auth_server         TEXT NOT NULL DEFAULT '',
    is_on_premise       INTEGER NOT NULL DEFAULT 0 CHECK (is_on_premise IN (0, 1)),
    ca_certificate_pem  TEXT NOT NULL DEFAULT '',
    has_client_secret   INTEGER NOT NULL DEFAULT 0 CHECK (has_client_secret IN (0, 1)),
    updated_at          TEXT NOT NULL
  );
  `,
  ),
  // the last validation result per instance, as JSON (it never contains a secret or token).
  sqlStep(
    2,
    'validation results',
    `
  CREATE TABLE validation_results (
    instance_id  TEXT PRIMARY KEY REFERENCES instances (id) ON DELETE CASCADE,
    status       TEXT NOT NULL CHECK (status IN ('ok', 'warning', 'failed')),
    finished_at  TEXT NOT NULL,
    result_json  TEXT NOT NULL
  );
  `,
  ),
  // the setup wizard's progress per instance: which checklist steps are done, and where the user was.
  sqlStep(
    3,
    'wizard progress',
    `
  CREATE TABLE wizard_steps (
    instance_id  TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    step_id      TEXT NOT NULL,
    done         INTEGER NOT NULL CHECK (done IN (0, 1)),
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (instance_id, step_id)
  );
  CREATE TABLE wizard_state (
    instance_id    TEXT PRIMARY KEY REFERENCES instances (id) ON DELETE CASCADE,
    current_stage  TEXT NOT NULL,
    updated_at     TEXT NOT NULL
  );
  `,
  ),
  // organization mapping. Our organizations (one directory for the app, shared by every instance), the
  // cached Halo options per instance, and per instance the saved mappings, the draft (only the rows that
  // differ from saved), suggestions, accepted/rejected pairs and the undo history. A mapping row keeps a
  // snapshot of the client's name so a client that is renamed or disappears never loses the mapping.
  sqlStep(
    4,
    'organization mapping',
    `
  CREATE TABLE organizations (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    domain       TEXT,
    external_id  TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
  );
  CREATE UNIQUE INDEX organizations_name_unique ON organizations (name COLLATE NOCASE);

  CREATE TABLE organization_source (
    singleton     INTEGER PRIMARY KEY CHECK (singleton = 1),
    path          TEXT NOT NULL,
    format        TEXT NOT NULL CHECK (format IN ('csv', 'json')),
    linked_at     TEXT NOT NULL,
    last_read_at  TEXT
  );

  CREATE TABLE halo_options (
    instance_id      TEXT PRIMARY KEY REFERENCES instances (id) ON DELETE CASCADE,
    generation       INTEGER NOT NULL,
    fetched_at       TEXT NOT NULL,
    client_count     INTEGER NOT NULL,
    top_levels_json  TEXT NOT NULL
  );
  CREATE TABLE halo_clients (
    instance_id     TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    client_id       INTEGER NOT NULL,
    name            TEXT NOT NULL,
    toplevel_id     INTEGER,
    toplevel_name   TEXT,
    inactive        INTEGER NOT NULL CHECK (inactive IN (0, 1)),
    main_site_name  TEXT,
    website         TEXT,
    ref             TEXT,
    accountsid      TEXT,
    generation      INTEGER NOT NULL,
    PRIMARY KEY (instance_id, client_id)
  ) WITHOUT ROWID;

  CREATE TABLE mapping_state (
    instance_id       TEXT PRIMARY KEY REFERENCES instances (id) ON DELETE CASCADE,
    saved_generation  INTEGER NOT NULL DEFAULT 0,
    saved_at          TEXT,
    saved_count       INTEGER NOT NULL DEFAULT 0,
    history_cursor    INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE mappings_saved (
    instance_id      TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    organization_id  TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    state            TEXT NOT NULL CHECK (state IN ('mapped', 'excluded')),
    client_id        INTEGER,
    client_name      TEXT,
    signal           TEXT,
    score            REAL,
    saved_at         TEXT NOT NULL,
    PRIMARY KEY (instance_id, organization_id),
    CHECK ((state = 'mapped') = (client_id IS NOT NULL))
  ) WITHOUT ROWID;
  CREATE INDEX mappings_saved_organization ON mappings_saved (organization_id);
  CREATE TABLE mappings_draft (
    instance_id      TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    organization_id  TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    state            TEXT NOT NULL CHECK (state IN ('mapped', 'excluded', 'unmapped')),
    client_id        INTEGER,
    client_name      TEXT,
    signal           TEXT,
    score            REAL,
    updated_at       TEXT NOT NULL,
    PRIMARY KEY (instance_id, organization_id),
    CHECK ((state = 'mapped') = (client_id IS NOT NULL))
  ) WITHOUT ROWID;
  CREATE TABLE mapping_suggestions (
    instance_id      TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    organization_id  TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    suggestion_json  TEXT NOT NULL,
    PRIMARY KEY (instance_id, organization_id)
  ) WITHOUT ROWID;
  CREATE TABLE mapping_decisions (
    instance_id      TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    organization_id  TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    client_id        INTEGER NOT NULL,
    decision         TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
    decided_at       TEXT NOT NULL,
    PRIMARY KEY (instance_id, organization_id, client_id)
  ) WITHOUT ROWID;
  CREATE TABLE mapping_history (
    instance_id   TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    label         TEXT NOT NULL,
    changes_json  TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (instance_id, seq)
  );
  `,
  ),
  // the setup wizard's last self-check per instance: when it ran, what Halo showed (JSON: evidence,
  // what to fix, the names of missing teams) and the agent's name. No secret and no token is ever in it.
  sqlStep(
    5,
    'wizard self-checks',
    `
  CREATE TABLE wizard_checks (
    instance_id  TEXT PRIMARY KEY REFERENCES instances (id) ON DELETE CASCADE,
    checked_at   TEXT NOT NULL,
    checks_json  TEXT NOT NULL,
    agent_name   TEXT
  );
  `,
  ),
  // Microsoft tenants. Per instance, the tenant records Halo holds for each cached client (read with the
  // client pages, replaced with them); per organization, its Microsoft tenant id (a lower-case GUID) and
  // its domains besides \`domain\` (a JSON array of text), both from the organization file.
  sqlStep(
    6,
    'Microsoft tenants',
    `
  CREATE TABLE halo_client_tenants (
    instance_id    TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    client_id      INTEGER NOT NULL,
    tenant_id      TEXT NOT NULL CHECK (length(tenant_id) = 36),
    tenant_name    TEXT,
    tenant_domain  TEXT,
    PRIMARY KEY (instance_id, client_id, tenant_id),
    FOREIGN KEY (instance_id, client_id) REFERENCES halo_clients (instance_id, client_id) ON DELETE CASCADE
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX halo_client_tenants_tenant ON halo_client_tenants (instance_id, tenant_id);

  ALTER TABLE organizations ADD COLUMN microsoft_tenant_id TEXT CHECK (length(microsoft_tenant_id) = 36);
  ALTER TABLE organizations ADD COLUMN domains_json TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(domains_json) AND json_type(domains_json) = 'array');
  `,
  ),
  // Halo names decoded once, where they enter (issue 12): the copies cached before that are decoded too.
  { version: 7, name: 'decoded Halo names', up: decodeStoredHaloNames },
];

export const LATEST_SCHEMA_VERSION = migrations.length;
