import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import type { SuggestCounts } from '../../../shared/mapping-contract';
import {
  MappingAbortedError,
  type OrganizationClientPair,
  type OrganizationSuggestion,
  summariseSuggestions,
} from '../../mapping';
import type { Decision } from '../../store';
import { AppError, cancelledError } from '../app-error';
import type { BackendContext } from '../context';
import { draftOf, savedOf } from './mapping-data';
import { MappingSession } from './session';
import { isEmptyRow, suggestedCount, toOrganizationInput } from './suggest-inputs';

export const suggestKey = (instanceId: string) => `suggest:${instanceId}`;

/**
 * Suggest Values: the matcher runs off the main thread over every organization and cached client, for the
 * rows that are empty (unmapped, and not saved), with the user's accepted and rejected pairs. Its results
 * are written by a second session opened after the run, as the user may have edited meanwhile; a cancel
 * (the user's, or the instance being deleted) writes nothing.
 */
export async function runSuggest(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:suggest'>,
): Promise<ResponseOf<'mappings:suggest'>> {
  const { instanceId } = request;
  const { data } = MappingSession.open(context, instanceId);
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
    isEmptyRow(draftOf(data, organization.id), savedOf(data, organization.id)),
  );
  const targetIds = new Set(targets.map((organization) => organization.id));
  const decisions = context.store.mappings.decisions(instanceId);
  const pairs = (kind: Decision): OrganizationClientPair[] =>
    decisions
      .filter((row) => row.decision === kind)
      .map(({ organizationId, clientId }) => ({ organizationId, clientId }));

  const key = suggestKey(instanceId);
  const controller = context.operations.start(key, 'Suggest is already running for this instance.');
  context.emit({ type: 'mappings:suggest-progress', instanceId, phase: 'started' });
  const started = performance.now();
  let results: OrganizationSuggestion[];
  try {
    const result = await context.suggestRunner.run(
      data.organizations.map(toOrganizationInput),
      // The cache's records are the matcher's input as they are: no conversion.
      [...data.clients.values()],
      {
        aliases: pairs('accepted'),
        rejected: pairs('rejected'),
        onlyOrganizationIds: targetIds,
        ...(request.threshold === undefined ? {} : { threshold: request.threshold }),
        ...(request.margin === undefined ? {} : { margin: request.margin }),
      },
      controller.signal,
    );
    // A run that finished as it was cancelled writes nothing.
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
      throw cancelledError(
        'suggest',
        'Suggest was cancelled; nothing was changed.',
        'Run Suggest Values again when you are ready.',
      );
    }
    throw error;
  } finally {
    context.operations.finish(key, controller);
  }
  const durationMs = performance.now() - started;

  const { view, applied } = MappingSession.open(context, instanceId).applySuggestions(results, targetIds);
  // Counted over the rows actually filled, not over everything the matcher returned.
  const counts: SuggestCounts = {
    considered: targets.length,
    suggested: suggestedCount(applied),
    skipped: data.organizations.length - targets.length,
    ...summariseSuggestions(applied),
    durationMs,
  };
  context.emit({ type: 'mappings:suggest-progress', instanceId, phase: 'finished' });
  return { ...view, counts };
}
