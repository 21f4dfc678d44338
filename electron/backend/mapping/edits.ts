import type { MappingEdit } from '../../../shared/mapping-contract';
import { plural } from '../../../shared/plural';
import type { CachedClient } from '../../store';
import type { DraftEditor } from './draft-editor';
import { UNMAPPED } from './mapping-data';

/** Applies one edit through the editor. `clients` is the cache, for name snapshots. */
export function applyEdit(
  editor: DraftEditor,
  edit: MappingEdit,
  clients: ReadonlyMap<number, CachedClient>,
): void {
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

export function defaultLabel(edits: readonly MappingEdit[]): string {
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
