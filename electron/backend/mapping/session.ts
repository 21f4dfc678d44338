import type { MappingDiff, MappingEdit, MappingValue } from '../../../shared/mapping-contract';
import { plural } from '../../../shared/plural';
import type { OrganizationSuggestion } from '../../mapping';
import type { InstanceRow } from '../../store';
import { AppError } from '../app-error';
import type { BackendContext } from '../context';
import { requireInstance } from '../instance-lookup';
import { computeDiff } from './diff';
import { DraftEditor } from './draft-editor';
import { applyEdit, defaultLabel } from './edits';
import { loadMappingData, type MappingData } from './mapping-data';
import { buildMappingView, type MappingView } from './mapping-view';
import { isEmptyRow, suggestedCount, toSuggestion } from './suggest-inputs';

/** A mapping row an import sets: mapped to a client or excluded. */
export interface ImportedMapping {
  organizationId: string;
  value: Exclude<MappingValue, { state: 'unmapped' }>;
}

/**
 * One request's view of one instance's mappings: the state is read once when the session opens, every
 * change goes through one editor in one transaction and becomes one undo step, and the answer is built
 * from the same in-memory state. Handlers open a session and make one call on it.
 */
export class MappingSession {
  private constructor(
    private readonly context: BackendContext,
    readonly instance: InstanceRow,
    readonly data: MappingData,
  ) {}

  /** Refuses an instance that does not exist (deleted in another window), then reads its state. */
  static open(context: BackendContext, instanceId: string): MappingSession {
    const instance = requireInstance(context, instanceId);
    return new MappingSession(context, instance, loadMappingData(context.store, instanceId));
  }

  get instanceId(): string {
    return this.data.instanceId;
  }

  /** Rows (all, or only `touched`) and the summary over every row. */
  view(touched?: ReadonlySet<string>): MappingView {
    return buildMappingView(this.context.store, this.data, this.context.now(), touched);
  }

  /**
   * Runs `work` with an editor inside one transaction and records its changes as one undo step named
   * by `label` (called after the work, so it can count what was done). Returns the rows touched.
   */
  private change(work: (editor: DraftEditor) => void, label: () => string): ReadonlySet<string> {
    const { store } = this.context;
    return store.transaction(() => {
      const editor = new DraftEditor(store, this.data, this.context.now());
      work(editor);
      editor.commit(label());
      this.data.state = store.mappings.state(this.instanceId);
      return editor.touched;
    });
  }

  edit(edits: readonly MappingEdit[], label: string | undefined): MappingView {
    const touched = this.change(
      (editor) => {
        for (const edit of edits) {
          if (!this.data.organizationIds.has(edit.organizationId)) {
            throw new AppError(
              'not-found',
              'An organization in this edit no longer exists; nothing was changed.',
              { organizationId: edit.organizationId },
            );
          }
          applyEdit(editor, edit, this.data.clients);
        }
      },
      () => label ?? defaultLabel(edits),
    );
    return this.view(touched);
  }

  discard(): MappingView {
    let count = 0;
    const touched = this.change(
      (editor) => {
        const ids = editor.overrideIds();
        count = ids.length;
        for (const id of ids) editor.setDraft(id, editor.savedOf(id));
      },
      () => `Discard ${plural(count, 'change')}`,
    );
    return this.view(touched);
  }

  /** Undo or redo one step. An unreadable stored step is stepped over, so the steps beyond it stay reachable. */
  replay(direction: 'undo' | 'redo'): MappingView {
    const { store } = this.context;
    const { touched, unreadable } = store.transaction(() => {
      const cursor = this.data.state.historyCursor;
      const step = store.mappings.historyStep(this.instanceId, direction === 'undo' ? cursor : cursor + 1);
      if (!step) return { touched: new Set<string>(), unreadable: null };
      store.mappings.setHistoryCursor(this.instanceId, direction === 'undo' ? cursor - 1 : cursor + 1);
      this.data.state = store.mappings.state(this.instanceId);
      if (!step.changes) return { touched: new Set<string>(), unreadable: step.label };
      const editor = new DraftEditor(store, this.data, this.context.now());
      return { touched: editor.replay(step.changes, direction), unreadable: null };
    });
    if (unreadable !== null) {
      const verb = direction === 'undo' ? 'Undo' : 'Redo';
      throw new AppError(
        'database',
        `“${unreadable}” was stored in a form this version cannot read, so it was skipped and nothing changed. ${verb} again to go on to the next step.`,
        { step: unreadable },
      );
    }
    return this.view(touched);
  }

  diff(): MappingDiff {
    const { entries: _entries, ...diff } = computeDiff(this.data);
    return diff;
  }

  /**
   * Save Mappings: the diff is computed and applied inside one transaction, so a crash leaves either the
   * old saved set or the new one, never a mix; rows are written one by one (upsert or delete), never
   * "delete all then insert". Refused, saving nothing, while any row is in Conflict.
   */
  save() {
    const { store } = this.context;
    const savedAt = this.context.now().toISOString();
    const diff = store.transaction(() => {
      const computed = computeDiff(this.data);
      if (computed.conflicts > 0) {
        const n = computed.conflicts;
        throw new AppError(
          'conflict',
          `${plural(n, 'row')} ${n === 1 ? 'maps' : 'map'} to a Halo client that the latest refresh does not know. Pick another client for ${n === 1 ? 'it' : 'them'} (filter: Conflict), or refresh options, then save again. Nothing was saved.`,
          { conflicts: n },
        );
      }
      const entries = computed.entries.map(({ organizationId, after }) => ({ organizationId, after }));
      this.data.state = store.mappings.applySave(this.instanceId, entries, savedAt);
      return computed;
    });
    for (const { organizationId, after } of diff.entries) {
      if (after.state === 'unmapped') this.data.saved.delete(organizationId);
      else this.data.saved.set(organizationId, after);
    }
    this.data.overrides.clear();
    return {
      generation: this.data.state.savedGeneration,
      savedAt,
      added: diff.added.length,
      changed: diff.changed.length,
      removed: diff.removed.length,
      summary: this.view(new Set()).summary,
    };
  }

  /**
   * Writes a Suggest run's results into the rows it was asked for that are still empty: the user may have
   * edited while the matcher ran, so this session must be opened after the run. Returns what was applied.
   */
  applySuggestions(
    results: readonly OrganizationSuggestion[],
    targetIds: ReadonlySet<string>,
  ): { view: MappingView; applied: OrganizationSuggestion[] } {
    const applied: OrganizationSuggestion[] = [];
    const touched = this.change(
      (editor) => {
        for (const result of results) {
          const id = result.organizationId;
          if (!targetIds.has(id) || !this.data.organizationIds.has(id)) continue;
          if (!isEmptyRow(editor.draftOf(id), editor.savedOf(id))) continue;
          editor.setSuggestion(id, toSuggestion(result, this.data.clients));
          applied.push(result);
        }
      },
      () => `Suggest values (${plural(suggestedCount(applied), 'suggestion')})`,
    );
    return { view: this.view(touched), applied };
  }

  /** Sets the draft of every imported row (one undo step); a mapping without a client name takes the cache's. */
  importMappings(rows: readonly ImportedMapping[]): MappingView {
    const touched = this.change(
      (editor) => {
        for (const { organizationId, value } of rows) {
          const named =
            value.state === 'mapped' && value.clientName === ''
              ? { ...value, clientName: this.data.clients.get(value.clientId)?.name ?? '' }
              : value;
          editor.setDraft(organizationId, named);
        }
      },
      () => `Import ${plural(rows.length, 'mapping')}`,
    );
    return this.view(touched);
  }
}
