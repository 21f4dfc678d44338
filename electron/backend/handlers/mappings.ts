import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import type {
  DiffEntry,
  MappingDiff,
  MappingEdit,
  MappingValue,
  Organization,
  SuggestCounts,
  Suggestion,
} from '../../../shared/mapping-contract';
import { plural } from '../../../shared/plural';
import {
  type HaloClientInput,
  MappingAbortedError,
  type OrganizationClientPair,
  type OrganizationInput,
  type OrganizationSuggestion,
  summariseSuggestions,
} from '../../mapping';
import {
  type MappingFileRow,
  mappingsToCsv,
  mappingsToJson,
  parseMappingsCsv,
  parseMappingsJson,
} from '../../mapping/mapping-file';
import { sameMapping } from '../../mapping/row-status';
import type { CachedClient } from '../../store';
import { AppError } from '../app-error';
import type { BackendContext } from '../context';
import { DraftEditor } from './draft-editor';
import { requireInstance } from './instances';
import { buildMappingView, buildRow, loadMappingData, UNMAPPED } from './mapping-view';
import { fileRefused, fileText } from './organizations';

export function getMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:get'>,
): ResponseOf<'mappings:get'> {
  requireInstance(context, request.instanceId);
  return buildMappingView(context, request.instanceId);
}

/** Applies one edit through the editor. `clients` is the cache, for name snapshots. */
function applyEdit(editor: DraftEditor, edit: MappingEdit, clients: ReadonlyMap<number, CachedClient>): void {
  const id = edit.organizationId;
  const draft = editor.draftOf(id);
  const suggestion = editor.suggestionOf(id);
  switch (edit.action) {
    case 'set': {
      const cached = clients.get(edit.clientId);
      const fromSuggestion = suggestion?.clientId === edit.clientId ? suggestion : null;
      editor.setDraft(id, {
        state: 'mapped',
        clientId: edit.clientId,
        clientName: cached?.name ?? edit.clientName ?? fromSuggestion?.clientName ?? '',
        signal: fromSuggestion ? fromSuggestion.signal : 'manual',
        score: fromSuggestion ? fromSuggestion.score : null,
      });
      editor.setDecision(id, edit.clientId, 'accepted');
      if (suggestion) editor.setSuggestion(id, null);
      return;
    }
    case 'clear':
      editor.setDraft(id, UNMAPPED);
      return;
    case 'exclude':
      editor.setDraft(id, { state: 'excluded' });
      if (suggestion) editor.setSuggestion(id, null);
      return;
    case 'include':
      if (draft.state === 'excluded') editor.setDraft(id, UNMAPPED);
      return;
    case 'accept': {
      if (draft.state === 'unmapped' && suggestion?.clientId != null) {
        const cached = clients.get(suggestion.clientId);
        editor.setDraft(id, {
          state: 'mapped',
          clientId: suggestion.clientId,
          clientName: cached?.name ?? suggestion.clientName ?? '',
          signal: suggestion.signal,
          score: suggestion.score,
        });
        editor.setDecision(id, suggestion.clientId, 'accepted');
        editor.setSuggestion(id, null);
        return;
      }
      // A row mapped to a renamed client: accept the new name as the snapshot.
      if (draft.state === 'mapped') {
        const cached = clients.get(draft.clientId);
        if (cached && cached.name !== draft.clientName)
          editor.setDraft(id, { ...draft, clientName: cached.name });
      }
      return;
    }
    case 'reject':
      if (suggestion?.clientId != null) {
        editor.setDecision(id, suggestion.clientId, 'rejected');
        editor.setSuggestion(id, null);
      }
      return;
    case 'revert':
      editor.setDraft(id, editor.savedOf(id));
      return;
  }
}

function defaultLabel(edits: readonly MappingEdit[]): string {
  const first = edits[0];
  if (!first) return 'Edit';
  const verbs: Record<MappingEdit['action'], string> = {
    set: 'Map',
    clear: 'Clear',
    exclude: 'Exclude',
    include: 'Include',
    accept: 'Accept',
    reject: 'Reject',
    revert: 'Revert',
  };
  const same = edits.every((edit) => edit.action === first.action);
  return same
    ? `${verbs[first.action]} ${plural(edits.length, 'row')}`
    : `Edit ${plural(edits.length, 'row')}`;
}

export function editMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:edit'>,
): ResponseOf<'mappings:edit'> {
  const { instanceId } = request;
  requireInstance(context, instanceId);
  const touched = context.store.transaction(() => {
    const editor = new DraftEditor(context, instanceId);
    const clients = new Map(
      context.store.haloOptions.clients(instanceId).map((client) => [client.id, client]),
    );
    for (const edit of request.edits) {
      if (!context.store.mappings.organizationExists(edit.organizationId)) {
        throw new AppError(
          'not-found',
          'An organization in this edit no longer exists; nothing was changed.',
          {
            organizationId: edit.organizationId,
          },
        );
      }
      applyEdit(editor, edit, clients);
    }
    editor.commit(request.label ?? defaultLabel(request.edits));
    return editor.touched;
  });
  return buildMappingView(context, instanceId, touched);
}

function replayHistory(context: BackendContext, instanceId: string, direction: 'undo' | 'redo') {
  requireInstance(context, instanceId);
  const { touched, unreadable } = context.store.transaction(() => {
    const { mappings } = context.store;
    const cursor = mappings.state(instanceId).historyCursor;
    const seq = direction === 'undo' ? cursor : cursor + 1;
    const step = mappings.historyStep(instanceId, seq);
    if (!step) return { touched: new Set<string>(), unreadable: null };
    // An unreadable step is stepped over, so the steps before (or after) it stay reachable.
    mappings.setHistoryCursor(instanceId, direction === 'undo' ? cursor - 1 : cursor + 1);
    if (!step.changes) return { touched: new Set<string>(), unreadable: step.label };
    const editor = new DraftEditor(context, instanceId);
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
  return buildMappingView(context, instanceId, touched);
}

export const undoMappings = (context: BackendContext, request: ParsedRequestOf<'mappings:undo'>) =>
  replayHistory(context, request.instanceId, 'undo');
export const redoMappings = (context: BackendContext, request: ParsedRequestOf<'mappings:redo'>) =>
  replayHistory(context, request.instanceId, 'redo');

export function discardMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:discard'>,
): ResponseOf<'mappings:discard'> {
  const { instanceId } = request;
  requireInstance(context, instanceId);
  const touched = context.store.transaction(() => {
    const editor = new DraftEditor(context, instanceId);
    const ids = editor.overrideIds();
    for (const id of ids) editor.setDraft(id, editor.savedOf(id));
    editor.commit(`Discard ${plural(ids.length, 'change')}`);
    return editor.touched;
  });
  return buildMappingView(context, instanceId, touched);
}

/** The draft against saved, row by row; `conflicts` counts rows Save would refuse. */
export function computeDiff(
  context: BackendContext,
  instanceId: string,
): MappingDiff & { entries: DiffEntry[] } {
  const data = loadMappingData(context, instanceId);
  const names = new Map(data.organizations.map((organization) => [organization.id, organization]));
  const diff: MappingDiff & { entries: DiffEntry[] } = {
    added: [],
    changed: [],
    removed: [],
    conflicts: 0,
    entries: [],
  };
  for (const [organizationId, after] of data.overrides) {
    const organization = names.get(organizationId);
    if (!organization) continue;
    const before = data.saved.get(organizationId) ?? UNMAPPED;
    if (sameMapping(before, after)) continue;
    const entry: DiffEntry = { organizationId, organizationName: organization.name, before, after };
    diff.entries.push(entry);
    if (before.state === 'unmapped') diff.added.push(entry);
    else if (after.state === 'unmapped') diff.removed.push(entry);
    else diff.changed.push(entry);
    if (buildRow(data, organization).status === 'conflict') diff.conflicts += 1;
  }
  const byName = (a: DiffEntry, b: DiffEntry) => a.organizationName.localeCompare(b.organizationName);
  diff.added.sort(byName);
  diff.changed.sort(byName);
  diff.removed.sort(byName);
  return diff;
}

export function diffMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:diff'>,
): ResponseOf<'mappings:diff'> {
  requireInstance(context, request.instanceId);
  const { entries: _entries, ...diff } = computeDiff(context, request.instanceId);
  return diff;
}

/**
 * Save Mappings: the diff is computed and applied inside one transaction, so a crash leaves either the
 * old saved set or the new one, never a mix; rows are written one by one (upsert or delete), never
 * "delete all then insert".
 */
export function saveMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:save'>,
): ResponseOf<'mappings:save'> {
  const { instanceId } = request;
  requireInstance(context, instanceId);
  const savedAt = context.now().toISOString();
  const result = context.store.transaction(() => {
    const diff = computeDiff(context, instanceId);
    if (diff.conflicts > 0) {
      throw new AppError(
        'conflict',
        `${plural(diff.conflicts, 'row')} ${diff.conflicts === 1 ? 'maps' : 'map'} to a Halo client that the latest refresh does not know. Pick another client for ${diff.conflicts === 1 ? 'it' : 'them'} (filter: Conflict), or refresh options, then save again. Nothing was saved.`,
        { conflicts: diff.conflicts },
      );
    }
    const state = context.store.mappings.applySave(
      instanceId,
      diff.entries.map((entry) => ({ organizationId: entry.organizationId, after: entry.after })),
      savedAt,
    );
    return { state, diff };
  });
  return {
    generation: result.state.savedGeneration,
    savedAt,
    added: result.diff.added.length,
    changed: result.diff.changed.length,
    removed: result.diff.removed.length,
    summary: buildMappingView(context, instanceId, new Set()).summary,
  };
}

// ---------------------------------------------------------------------------------------------------
// Suggest

/** Suggestions that name a client (not ambiguous, not "no match"). */
function suggestedCount(suggestions: readonly OrganizationSuggestion[]): number {
  return suggestions.filter((suggestion) => suggestion.clientId !== null).length;
}

function toSuggestion(
  result: OrganizationSuggestion,
  clients: ReadonlyMap<number, CachedClient>,
): Suggestion {
  return {
    clientId: result.clientId,
    clientName: result.clientId === null ? null : (clients.get(result.clientId)?.name ?? null),
    score: result.score,
    signal: result.signal,
    reason: result.reason,
    ambiguous: result.ambiguous,
    runnerUp: result.runnerUp,
    // The contenders matter only when the matcher could not choose; elsewhere the runner-up says enough,
    // and dropping them keeps 10,000 rows from weighing megabytes on every mappings:get.
    candidates: result.ambiguous ? result.candidates : [],
  };
}

/**
 * A cached client as the matcher reads it. Its Microsoft tenants feed the tenant signal, their domains
 * (as Halo holds them, often `<name>.onmicrosoft.com`) the domain signal. Halo lists no website on client
 * rows, so `website` is only there for a cache written from another source; it is never fetched per client.
 */
function toClientInput(client: CachedClient): HaloClientInput {
  const tenants = client.tenants ?? [];
  return {
    id: client.id,
    name: client.name,
    inactive: client.inactive,
    website: client.website,
    ...(client.toplevelName === null ? {} : { toplevel_name: client.toplevelName }),
    ref: client.ref,
    accountsid: client.accountsId,
    azureTenantIds: tenants.map((tenant) => tenant.tenantId),
    domains: tenants.flatMap((tenant) => (tenant.domain === null ? [] : [tenant.domain])),
  };
}

/** One of our organizations as the matcher reads it, with its Microsoft tenant and every domain. */
function toOrganizationInput(organization: Organization): OrganizationInput {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...input } = organization;
  return input;
}

/** A row Suggest may fill: unmapped in the draft and when saved (so never a saved or hand-made choice). */
function isEmptyRow(draft: MappingValue, saved: MappingValue): boolean {
  return draft.state === 'unmapped' && saved.state === 'unmapped';
}

export async function suggestMappingsForInstance(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:suggest'>,
): Promise<ResponseOf<'mappings:suggest'>> {
  const { instanceId } = request;
  requireInstance(context, instanceId);
  const data = loadMappingData(context, instanceId);
  if (data.meta === null) {
    throw new AppError(
      'not-found',
      'There are no Halo clients to suggest from yet. Run Refresh Options first.',
      {
        instanceId,
      },
    );
  }
  const targets = data.organizations.filter((organization) =>
    isEmptyRow(
      data.overrides.get(organization.id) ?? data.saved.get(organization.id) ?? UNMAPPED,
      data.saved.get(organization.id) ?? UNMAPPED,
    ),
  );
  const decisions = context.store.mappings.decisions(instanceId);
  const pairs = (kind: 'accepted' | 'rejected'): OrganizationClientPair[] =>
    decisions
      .filter((row) => row.decision === kind)
      .map(({ organizationId, clientId }) => ({ organizationId, clientId }));
  const organizations: OrganizationInput[] = data.organizations.map(toOrganizationInput);
  const clients = [...data.clients.values()].map(toClientInput);

  const key = `suggest:${instanceId}`;
  const controller = context.operations.start(key, 'Suggest is already running for this instance.');
  context.emit({ type: 'mappings:suggest-progress', instanceId, phase: 'started' });
  const started = performance.now();
  let results: OrganizationSuggestion[];
  try {
    const result = await context.suggestRunner.run(
      organizations,
      clients,
      {
        aliases: pairs('accepted'),
        rejected: pairs('rejected'),
        onlyOrganizationIds: new Set(targets.map((organization) => organization.id)),
        ...(request.threshold === undefined ? {} : { threshold: request.threshold }),
        ...(request.margin === undefined ? {} : { margin: request.margin }),
      },
      controller.signal,
    );
    // A run that finished as it was cancelled (the user's Cancel, or the instance being deleted) writes nothing.
    if (controller.signal.aborted) throw new MappingAbortedError();
    results = result.suggestions;
  } catch (error) {
    const cancelled = error instanceof MappingAbortedError || controller.signal.aborted;
    context.emit({
      type: 'mappings:suggest-progress',
      instanceId,
      phase: cancelled ? 'cancelled' : 'failed',
    });
    if (cancelled) {
      throw new AppError('conflict', 'Suggest was cancelled; nothing was changed.', { cancelled: true });
    }
    throw error;
  } finally {
    context.operations.finish(key, controller);
  }
  const durationMs = performance.now() - started;

  const targetIds = new Set(targets.map((organization) => organization.id));
  const applied: OrganizationSuggestion[] = [];
  const touched = context.store.transaction(() => {
    const editor = new DraftEditor(context, instanceId);
    for (const result of results) {
      if (!targetIds.has(result.organizationId)) continue;
      // The user may have edited while the matcher ran: only rows still empty are filled.
      if (!isEmptyRow(editor.draftOf(result.organizationId), editor.savedOf(result.organizationId))) continue;
      if (!context.store.mappings.organizationExists(result.organizationId)) continue;
      editor.setSuggestion(result.organizationId, toSuggestion(result, data.clients));
      applied.push(result);
    }
    editor.commit(`Suggest values (${plural(suggestedCount(applied), 'suggestion')})`);
    return editor.touched;
  });
  // Counted over the rows actually filled, not over everything the matcher returned.
  const counts: SuggestCounts = {
    considered: targets.length,
    suggested: suggestedCount(applied),
    skipped: data.organizations.length - targets.length,
    ...summariseSuggestions(applied),
    durationMs,
  };
  context.emit({ type: 'mappings:suggest-progress', instanceId, phase: 'finished' });
  return { ...buildMappingView(context, instanceId, touched), counts };
}

export function cancelSuggest(context: BackendContext, request: ParsedRequestOf<'mappings:cancelSuggest'>) {
  return { cancelled: context.operations.cancel(`suggest:${request.instanceId}`) };
}

// ---------------------------------------------------------------------------------------------------
// Export / import

export function exportMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:export'>,
): ResponseOf<'mappings:export'> {
  const instance = requireInstance(context, request.instanceId);
  const data = loadMappingData(context, request.instanceId);
  const source = request.source ?? 'saved';
  const rows: MappingFileRow[] = [];
  for (const organization of data.organizations) {
    const value =
      source === 'saved'
        ? (data.saved.get(organization.id) ?? UNMAPPED)
        : (data.overrides.get(organization.id) ?? data.saved.get(organization.id) ?? UNMAPPED);
    if (value.state === 'unmapped') continue;
    rows.push({ organizationId: organization.id, organizationName: organization.name, value });
  }
  const exportedAt = context.now().toISOString();
  const content =
    request.format === 'csv'
      ? mappingsToCsv(rows)
      : mappingsToJson(rows, { instanceName: instance.name, exportedAt });
  const safeName = instance.name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'instance';
  return {
    content,
    fileName: `mappings-${safeName}-${exportedAt.slice(0, 10)}.${request.format}`,
    rows: rows.length,
  };
}

export function importMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:import'>,
): ResponseOf<'mappings:import'> {
  const { instanceId } = request;
  requireInstance(context, instanceId);
  const text = fileText(request, 'mapping file');
  const parsed = request.format === 'csv' ? parseMappingsCsv(text) : parseMappingsJson(text);
  if (!parsed.ok) throw fileRefused('mapping file', parsed.problems);
  const organizations = context.store.organizations.list();
  const byId = new Map(organizations.map((organization) => [organization.id, organization]));
  const byName = new Map(
    organizations.map((organization) => [organization.name.toLowerCase(), organization]),
  );
  const problems: { line: number; reason: string }[] = [];
  const resolved: { organizationId: string; value: Exclude<MappingValue, { state: 'unmapped' }> }[] = [];
  const seen = new Set<string>();
  for (const row of parsed.rows) {
    const organization =
      (row.organizationId === null ? undefined : byId.get(row.organizationId)) ??
      (row.organizationName === null ? undefined : byName.get(row.organizationName.toLowerCase()));
    if (!organization) {
      problems.push({
        line: row.line,
        reason: `no organization ${row.organizationName ? `"${row.organizationName}"` : `with id ${row.organizationId}`} in the directory`,
      });
      continue;
    }
    if (seen.has(organization.id)) {
      problems.push({ line: row.line, reason: `"${organization.name}" is listed twice` });
      continue;
    }
    seen.add(organization.id);
    resolved.push({ organizationId: organization.id, value: row.value });
  }
  if (problems.length > 0) throw fileRefused('mapping file', problems);
  const touched = context.store.transaction(() => {
    const editor = new DraftEditor(context, instanceId);
    const clients = new Map(
      context.store.haloOptions.clients(instanceId).map((client) => [client.id, client]),
    );
    for (const { organizationId, value } of resolved) {
      const named =
        value.state === 'mapped' && value.clientName === ''
          ? { ...value, clientName: clients.get(value.clientId)?.name ?? '' }
          : value;
      editor.setDraft(organizationId, named);
    }
    editor.commit(`Import ${plural(resolved.length, 'mapping')}`);
    return editor.touched;
  });
  return { ...buildMappingView(context, instanceId, touched), imported: resolved.length };
}
