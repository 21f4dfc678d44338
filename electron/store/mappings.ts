import { type MappingValue, type Suggestion, suggestionSchema } from '../../shared/mapping-contract';
import type { SqliteDatabase } from './database';
import { type BadRowReporter, parseStoredJson } from './stored-json';
import { type Decision, type RowChange, undoStepChangesSchema } from './undo-step';

export type { Decision, RowChange } from './undo-step';

interface RawValue {
  organization_id: string;
  state: 'mapped' | 'excluded' | 'unmapped';
  client_id: number | null;
  client_name: string | null;
  signal: string | null;
  score: number | null;
}

interface RawState {
  saved_generation: number;
  saved_at: string | null;
  saved_count: number;
  history_cursor: number;
}

export interface MappingState {
  savedGeneration: number;
  savedAt: string | null;
  savedCount: number;
  historyCursor: number;
}

export interface DecisionRow {
  organizationId: string;
  clientId: number;
  decision: Decision;
}

export interface HistoryStep {
  seq: number;
  label: string;
  /** Null when the stored step cannot be read (reported): it can be stepped over, not replayed. */
  changes: RowChange[] | null;
}

export interface SavedElsewhere {
  instanceId: string;
  instanceName: string;
  organizationId: string;
  clientId: number;
  clientName: string;
}

/** How many undo steps are kept per instance; older ones are dropped. */
export const HISTORY_LIMIT = 100;

function toValue(raw: RawValue): MappingValue {
  if (raw.state === 'mapped' && raw.client_id !== null) {
    return {
      state: 'mapped',
      clientId: raw.client_id,
      clientName: raw.client_name ?? '',
      signal: (raw.signal as Extract<MappingValue, { state: 'mapped' }>['signal']) ?? null,
      score: raw.score,
    };
  }
  return raw.state === 'excluded' ? { state: 'excluded' } : { state: 'unmapped' };
}

function valueColumns(value: MappingValue) {
  return value.state === 'mapped'
    ? {
        state: value.state,
        clientId: value.clientId,
        clientName: value.clientName,
        signal: value.signal,
        score: value.score,
      }
    : { state: value.state, clientId: null, clientName: null, signal: null, score: null };
}

const EMPTY_STATE: MappingState = { savedGeneration: 0, savedAt: null, savedCount: 0, historyCursor: 0 };

/**
 * The mapping tables of every instance: `mappings_saved` (what Save Mappings applied), `mappings_draft`
 * (only the rows whose draft differs from saved), `mapping_suggestions`, `mapping_decisions` (accepted and
 * rejected pairs, passed to the matcher), `mapping_history` (undo/redo steps) and `mapping_state` (saved
 * generation and the undo cursor). Multi-row changes must run inside the caller's transaction.
 */
export function createMappingsRepository(db: SqliteDatabase, report: BadRowReporter) {
  const stateStatement = db.prepare<[string], RawState>('SELECT * FROM mapping_state WHERE instance_id = ?');
  const ensureState = db.prepare('INSERT INTO mapping_state (instance_id) VALUES (?) ON CONFLICT DO NOTHING');
  const setCursor = db.prepare('UPDATE mapping_state SET history_cursor = ? WHERE instance_id = ?');
  const markSaved = db.prepare(`
    UPDATE mapping_state SET saved_generation = saved_generation + 1, saved_at = @savedAt,
      saved_count = (SELECT count(*) FROM mappings_saved WHERE instance_id = @instanceId)
    WHERE instance_id = @instanceId`);

  const savedStatement = db.prepare<[string], RawValue>('SELECT * FROM mappings_saved WHERE instance_id = ?');
  const upsertSaved = db.prepare(`
    INSERT INTO mappings_saved (instance_id, organization_id, state, client_id, client_name, signal, score, saved_at)
    VALUES (@instanceId, @organizationId, @state, @clientId, @clientName, @signal, @score, @now)
    ON CONFLICT (instance_id, organization_id) DO UPDATE SET state = excluded.state, client_id = excluded.client_id,
      client_name = excluded.client_name, signal = excluded.signal, score = excluded.score, saved_at = excluded.saved_at`);
  const deleteSaved = db.prepare('DELETE FROM mappings_saved WHERE instance_id = ? AND organization_id = ?');
  const savedElsewhereStatement = db.prepare<
    [string],
    {
      instance_id: string;
      instance_name: string;
      organization_id: string;
      client_id: number;
      client_name: string | null;
    }
  >(`
    SELECT s.instance_id, i.name AS instance_name, s.organization_id, s.client_id, s.client_name
    FROM mappings_saved s JOIN instances i ON i.id = s.instance_id
    WHERE s.instance_id <> ? AND s.state = 'mapped'
    ORDER BY i.name COLLATE NOCASE`);

  const draftStatement = db.prepare<[string], RawValue>('SELECT * FROM mappings_draft WHERE instance_id = ?');
  const upsertDraft = db.prepare(`
    INSERT INTO mappings_draft (instance_id, organization_id, state, client_id, client_name, signal, score, updated_at)
    VALUES (@instanceId, @organizationId, @state, @clientId, @clientName, @signal, @score, @now)
    ON CONFLICT (instance_id, organization_id) DO UPDATE SET state = excluded.state, client_id = excluded.client_id,
      client_name = excluded.client_name, signal = excluded.signal, score = excluded.score, updated_at = excluded.updated_at`);
  const deleteDraft = db.prepare('DELETE FROM mappings_draft WHERE instance_id = ? AND organization_id = ?');
  const clearDraftStatement = db.prepare('DELETE FROM mappings_draft WHERE instance_id = ?');

  const suggestionsStatement = db.prepare<[string], { organization_id: string; suggestion_json: string }>(
    'SELECT organization_id, suggestion_json FROM mapping_suggestions WHERE instance_id = ?',
  );
  const upsertSuggestion = db.prepare(`
    INSERT INTO mapping_suggestions (instance_id, organization_id, suggestion_json) VALUES (?, ?, ?)
    ON CONFLICT (instance_id, organization_id) DO UPDATE SET suggestion_json = excluded.suggestion_json`);
  const deleteSuggestion = db.prepare(
    'DELETE FROM mapping_suggestions WHERE instance_id = ? AND organization_id = ?',
  );

  const decisionsStatement = db.prepare<
    [string],
    { organization_id: string; client_id: number; decision: Decision }
  >('SELECT organization_id, client_id, decision FROM mapping_decisions WHERE instance_id = ?');
  const upsertDecision = db.prepare(`
    INSERT INTO mapping_decisions (instance_id, organization_id, client_id, decision, decided_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (instance_id, organization_id, client_id) DO UPDATE SET decision = excluded.decision,
      decided_at = excluded.decided_at`);
  const deleteDecision = db.prepare(
    'DELETE FROM mapping_decisions WHERE instance_id = ? AND organization_id = ? AND client_id = ?',
  );

  const historyAt = db.prepare<[string, number], { seq: number; label: string; changes_json: string }>(
    'SELECT seq, label, changes_json FROM mapping_history WHERE instance_id = ? AND seq = ?',
  );
  const historyLabel = db.prepare<[string, number], { label: string }>(
    'SELECT label FROM mapping_history WHERE instance_id = ? AND seq = ?',
  );
  const dropRedo = db.prepare('DELETE FROM mapping_history WHERE instance_id = ? AND seq > ?');
  const dropOldest = db.prepare('DELETE FROM mapping_history WHERE instance_id = ? AND seq <= ?');
  const insertHistory = db.prepare(
    'INSERT INTO mapping_history (instance_id, seq, label, changes_json, created_at) VALUES (?, ?, ?, ?, ?)',
  );

  const organizationExists = db.prepare<[string], { id: string }>(
    'SELECT id FROM organizations WHERE id = ?',
  );

  function state(instanceId: string): MappingState {
    const raw = stateStatement.get(instanceId);
    if (!raw) return EMPTY_STATE;
    return {
      savedGeneration: raw.saved_generation,
      savedAt: raw.saved_at,
      savedCount: raw.saved_count,
      historyCursor: raw.history_cursor,
    };
  }

  return {
    state,
    saved(instanceId: string): Map<string, MappingValue> {
      return new Map(savedStatement.all(instanceId).map((raw) => [raw.organization_id, toValue(raw)]));
    },
    /** Saved mappings of every other instance, for "also mapped in". */
    savedElsewhere(instanceId: string): SavedElsewhere[] {
      return savedElsewhereStatement.all(instanceId).map((raw) => ({
        instanceId: raw.instance_id,
        instanceName: raw.instance_name,
        organizationId: raw.organization_id,
        clientId: raw.client_id,
        clientName: raw.client_name ?? '',
      }));
    },
    /** The draft's rows that differ from saved. */
    draftOverrides(instanceId: string): Map<string, MappingValue> {
      return new Map(draftStatement.all(instanceId).map((raw) => [raw.organization_id, toValue(raw)]));
    },
    /** Sets a draft row; null removes the override (the draft then equals saved for that row). */
    setDraft(instanceId: string, organizationId: string, value: MappingValue | null, now: string): void {
      if (value === null) deleteDraft.run(instanceId, organizationId);
      else upsertDraft.run({ instanceId, organizationId, now, ...valueColumns(value) });
    },
    clearDraft(instanceId: string): void {
      clearDraftStatement.run(instanceId);
    },
    suggestions(instanceId: string): Map<string, Suggestion> {
      const suggestions = new Map<string, Suggestion>();
      for (const raw of suggestionsStatement.all(instanceId)) {
        const where = `The suggestion stored for organization ${raw.organization_id} (instance ${instanceId})`;
        const suggestion = parseStoredJson(suggestionSchema, raw.suggestion_json, where, report);
        // An unreadable suggestion reads as none: Suggest Values proposes the row again.
        if (suggestion) suggestions.set(raw.organization_id, suggestion);
      }
      return suggestions;
    },
    setSuggestion(instanceId: string, organizationId: string, suggestion: Suggestion | null): void {
      if (suggestion === null) deleteSuggestion.run(instanceId, organizationId);
      else upsertSuggestion.run(instanceId, organizationId, JSON.stringify(suggestion));
    },
    decisions(instanceId: string): DecisionRow[] {
      return decisionsStatement.all(instanceId).map((raw) => ({
        organizationId: raw.organization_id,
        clientId: raw.client_id,
        decision: raw.decision,
      }));
    },
    setDecision(
      instanceId: string,
      organizationId: string,
      clientId: number,
      decision: Decision | null,
      now: string,
    ): void {
      if (decision === null) deleteDecision.run(instanceId, organizationId, clientId);
      else upsertDecision.run(instanceId, organizationId, clientId, decision, now);
    },
    organizationExists(organizationId: string): boolean {
      return organizationExists.get(organizationId) !== undefined;
    },
    /**
     * Applies the draft to saved: each entry's `after` becomes the saved value (unmapped deletes the
     * row), the draft is cleared and the saved generation moves on. Call inside one transaction.
     */
    applySave(
      instanceId: string,
      entries: readonly { organizationId: string; after: MappingValue }[],
      savedAt: string,
    ): MappingState {
      if (!db.inTransaction) throw new Error('Save Mappings must run inside a transaction');
      ensureState.run(instanceId);
      for (const entry of entries) {
        if (entry.after.state === 'unmapped') deleteSaved.run(instanceId, entry.organizationId);
        else
          upsertSaved.run({
            instanceId,
            organizationId: entry.organizationId,
            now: savedAt,
            ...valueColumns(entry.after),
          });
      }
      clearDraftStatement.run(instanceId);
      markSaved.run({ instanceId, savedAt });
      return state(instanceId);
    },
    /** Records an undo step after the cursor (dropping any redo steps) and moves the cursor onto it. */
    pushHistory(instanceId: string, label: string, changes: readonly RowChange[], now: string): void {
      const changesJson = JSON.stringify(changes);
      ensureState.run(instanceId);
      const cursor = state(instanceId).historyCursor;
      dropRedo.run(instanceId, cursor);
      insertHistory.run(instanceId, cursor + 1, label, changesJson, now);
      setCursor.run(cursor + 1, instanceId);
      dropOldest.run(instanceId, cursor + 1 - HISTORY_LIMIT);
    },
    historyStep(instanceId: string, seq: number): HistoryStep | null {
      const raw = historyAt.get(instanceId, seq);
      if (!raw) return null;
      const where = `Undo step ${seq} ("${raw.label}") of instance ${instanceId}`;
      const changes = parseStoredJson(undoStepChangesSchema, raw.changes_json, where, report) ?? null;
      return { seq: raw.seq, label: raw.label, changes };
    },
    historyLabel(instanceId: string, seq: number): string | null {
      return historyLabel.get(instanceId, seq)?.label ?? null;
    },
    setHistoryCursor(instanceId: string, cursor: number): void {
      ensureState.run(instanceId);
      setCursor.run(cursor, instanceId);
    },
  };
}

export type MappingsRepository = ReturnType<typeof createMappingsRepository>;
