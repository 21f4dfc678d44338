import type { MappingValue, Suggestion } from '../../../shared/mapping-contract';
import { sameMapping } from '../../mapping/row-status';
import type { Decision, RowChange, Store } from '../../store';
import { draftOf, type MappingData, savedOf } from './mapping-data';

/**
 * Edits one instance's draft, suggestions and decisions, writing through to the store and to the
 * session's data, and recording what changed, so the whole request becomes one undo step (`commit`).
 * Use inside one transaction.
 *
 * The draft table holds only rows that differ from saved: writing a value equal to the saved one
 * deletes the override, so "unsaved changes" is simply "any override".
 */
export class DraftEditor {
  private readonly decisions = new Map<string, Decision>();
  private readonly changes = new Map<string, RowChange>();
  private readonly now: string;

  constructor(
    private readonly store: Store,
    private readonly data: MappingData,
    now: Date,
  ) {
    for (const row of store.mappings.decisions(data.instanceId)) {
      this.decisions.set(`${row.organizationId}|${row.clientId}`, row.decision);
    }
    this.now = now.toISOString();
  }

  get touched(): ReadonlySet<string> {
    return new Set(this.changes.keys());
  }

  savedOf(organizationId: string): MappingValue {
    return savedOf(this.data, organizationId);
  }

  draftOf(organizationId: string): MappingValue {
    return draftOf(this.data, organizationId);
  }

  suggestionOf(organizationId: string): Suggestion | null {
    return this.data.suggestions.get(organizationId) ?? null;
  }

  overrideIds(): string[] {
    return [...this.data.overrides.keys()];
  }

  private change(organizationId: string): RowChange {
    let entry = this.changes.get(organizationId);
    if (!entry) {
      entry = { o: organizationId };
      this.changes.set(organizationId, entry);
    }
    return entry;
  }

  /** Writes the draft value without recording it (undo/redo use this too). */
  private writeDraft(organizationId: string, value: MappingValue): void {
    const saved = this.savedOf(organizationId);
    const override = sameMapping(value, saved) ? null : value;
    if (override === null) this.data.overrides.delete(organizationId);
    else this.data.overrides.set(organizationId, override);
    this.store.mappings.setDraft(this.data.instanceId, organizationId, override, this.now);
  }

  private writeSuggestion(organizationId: string, suggestion: Suggestion | null): void {
    if (suggestion === null) this.data.suggestions.delete(organizationId);
    else this.data.suggestions.set(organizationId, suggestion);
    this.store.mappings.setSuggestion(this.data.instanceId, organizationId, suggestion);
  }

  private writeDecision(organizationId: string, clientId: number, decision: Decision | null): void {
    const key = `${organizationId}|${clientId}`;
    if (decision === null) this.decisions.delete(key);
    else this.decisions.set(key, decision);
    this.store.mappings.setDecision(this.data.instanceId, organizationId, clientId, decision, this.now);
  }

  setDraft(organizationId: string, value: MappingValue): void {
    const before = this.draftOf(organizationId);
    if (sameMapping(before, value) && JSON.stringify(before) === JSON.stringify(value)) return;
    const entry = this.change(organizationId);
    entry.d = [entry.d?.[0] ?? before, value];
    this.writeDraft(organizationId, value);
  }

  setSuggestion(organizationId: string, suggestion: Suggestion | null): void {
    const before = this.suggestionOf(organizationId);
    if (JSON.stringify(before) === JSON.stringify(suggestion)) return;
    const entry = this.change(organizationId);
    entry.s = [entry.s ? entry.s[0] : before, suggestion];
    this.writeSuggestion(organizationId, suggestion);
  }

  setDecision(organizationId: string, clientId: number, decision: Decision | null): void {
    const before = this.decisions.get(`${organizationId}|${clientId}`) ?? null;
    if (before === decision) return;
    const entry = this.change(organizationId);
    entry.k ??= [];
    const existing = entry.k.find(([id]) => id === clientId);
    if (existing) existing[2] = decision;
    else entry.k.push([clientId, before, decision]);
    this.writeDecision(organizationId, clientId, decision);
  }

  /** Records this request as one undo step (nothing when nothing changed). */
  commit(label: string): void {
    if (this.changes.size === 0) return;
    this.store.mappings.pushHistory(this.data.instanceId, label, [...this.changes.values()], this.now);
  }

  /** Applies a recorded step backwards (undo) or forwards (redo); rows of removed organizations are skipped. */
  replay(changes: readonly RowChange[], direction: 'undo' | 'redo'): Set<string> {
    const side = direction === 'undo' ? 0 : 1;
    const touched = new Set<string>();
    const ordered = direction === 'undo' ? [...changes].reverse() : changes;
    for (const change of ordered) {
      if (!this.data.organizationIds.has(change.o)) continue;
      touched.add(change.o);
      if (change.d) this.writeDraft(change.o, change.d[side]);
      if (change.s) this.writeSuggestion(change.o, change.s[side]);
      for (const [clientId, before, after] of change.k ?? []) {
        this.writeDecision(change.o, clientId, side === 0 ? before : after);
      }
    }
    return touched;
  }
}
