import { type ValidationResult, validationResultSchema } from '../../shared/validation';
import type { SqliteDatabase } from './database';
import { type BadRowReporter, parseStoredJson } from './stored-json';

/** The `validation_results` table: the last validation per instance, shown in the instance list. */
export function createValidationResultsRepository(db: SqliteDatabase, report: BadRowReporter) {
  const upsertStatement = db.prepare(`
    INSERT INTO validation_results (instance_id, status, finished_at, result_json)
    VALUES (@instanceId, @status, @finishedAt, @resultJson)
    ON CONFLICT (instance_id) DO UPDATE SET
      status = excluded.status, finished_at = excluded.finished_at, result_json = excluded.result_json`);
  const getStatement = db.prepare<[string], { result_json: string }>(
    'SELECT result_json FROM validation_results WHERE instance_id = ?',
  );

  return {
    save(instanceId: string, result: ValidationResult): void {
      upsertStatement.run({
        instanceId,
        status: result.status,
        finishedAt: result.finishedAt,
        resultJson: JSON.stringify(result),
      });
    },
    /** Whether a validation is stored, readable or not (the instance-delete dialog counts it). */
    has(instanceId: string): boolean {
      return getStatement.get(instanceId) !== undefined;
    },
    /** The last validation; null when there is none, or when the stored one cannot be read (reported). */
    get(instanceId: string): ValidationResult | null {
      const json = getStatement.get(instanceId)?.result_json;
      if (json === undefined) return null;
      const where = `The last validation of instance ${instanceId}`;
      return parseStoredJson(validationResultSchema, json, where, report) ?? null;
    },
  };
}

export type ValidationResultsRepository = ReturnType<typeof createValidationResultsRepository>;
