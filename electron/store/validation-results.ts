import { type ValidationResult, validationResultSchema } from '../../shared/validation';
import type { SqliteDatabase } from './database';

/** The `validation_results` table: the last validation per instance, shown in the instance list. */
export function createValidationResultsRepository(db: SqliteDatabase) {
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
    getJson(instanceId: string): string | null {
      return getStatement.get(instanceId)?.result_json ?? null;
    },
    /** The last validation; null when there is none, or when one written by an older version no longer matches today's schema. */
    get(instanceId: string): ValidationResult | null {
      const json = getStatement.get(instanceId)?.result_json;
      if (json === undefined) return null;
      try {
        const parsed = validationResultSchema.safeParse(JSON.parse(json));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}

export type ValidationResultsRepository = ReturnType<typeof createValidationResultsRepository>;
