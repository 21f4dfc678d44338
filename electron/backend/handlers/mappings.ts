import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import type { BackendContext } from '../context';
import { fileText } from '../files/import-file';
import { exportMappingFile, readMappingFile } from '../mapping/mapping-exchange';
import { MappingSession } from '../mapping/session';
import { runSuggest, suggestKey } from '../mapping/suggest-run';

// The mapping channels: each opens one session on the instance and makes one call (see mapping/session.ts).

export function getMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:get'>,
): ResponseOf<'mappings:get'> {
  return MappingSession.open(context, request.instanceId).view();
}

export function editMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:edit'>,
): ResponseOf<'mappings:edit'> {
  return MappingSession.open(context, request.instanceId).edit(request.edits, request.label);
}

export function undoMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:undo'>,
): ResponseOf<'mappings:undo'> {
  return MappingSession.open(context, request.instanceId).replay('undo');
}

export function redoMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:redo'>,
): ResponseOf<'mappings:redo'> {
  return MappingSession.open(context, request.instanceId).replay('redo');
}

export function discardMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:discard'>,
): ResponseOf<'mappings:discard'> {
  return MappingSession.open(context, request.instanceId).discard();
}

export function diffMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:diff'>,
): ResponseOf<'mappings:diff'> {
  return MappingSession.open(context, request.instanceId).diff();
}

export function saveMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:save'>,
): ResponseOf<'mappings:save'> {
  return MappingSession.open(context, request.instanceId).save();
}

export const suggestMappingsForInstance = runSuggest;

export function cancelSuggest(context: BackendContext, request: ParsedRequestOf<'mappings:cancelSuggest'>) {
  return { cancelled: context.operations.cancel(suggestKey(request.instanceId)) };
}

export function exportMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:export'>,
): ResponseOf<'mappings:export'> {
  const { instance, data } = MappingSession.open(context, request.instanceId);
  return exportMappingFile(data, {
    format: request.format,
    source: request.source ?? 'saved',
    instanceName: instance.name,
    exportedAt: context.now().toISOString(),
  });
}

export function importMappings(
  context: BackendContext,
  request: ParsedRequestOf<'mappings:import'>,
): ResponseOf<'mappings:import'> {
  const session = MappingSession.open(context, request.instanceId);
  const rows = readMappingFile(request.format, fileText(request, 'mapping file'), session.data.organizations);
  return { ...session.importMappings(rows), imported: rows.length };
}
