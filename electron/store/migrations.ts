/**
 * Schema migrations, keyed by `PRAGMA user_version`: migration N takes the database from version N-1 to
 * N. Append only; never edit a migration that has shipped.
 */
export const migrations: readonly string[] = [
  // 1: instances and their configuration. The client secret is NOT here: it lives in the OS keychain.
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
  // 2: the last validation result per instance, as JSON (it never contains a secret or token).
  `
  CREATE TABLE validation_results (
    instance_id  TEXT PRIMARY KEY REFERENCES instances (id) ON DELETE CASCADE,
    status       TEXT NOT NULL CHECK (status IN ('ok', 'warning', 'failed')),
    finished_at  TEXT NOT NULL,
    result_json  TEXT NOT NULL
  );
  `,
  // 3: the setup wizard's progress per instance: which checklist steps are done, and where the user was.
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
];

export const LATEST_SCHEMA_VERSION = migrations.length;
