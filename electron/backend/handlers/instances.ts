import type { InstanceSummary } from '../../../shared/domain';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import type { ValidationResult } from '../../../shared/validation';
import type { InstanceRow } from '../../store';
import { AppError } from '../app-error';
import type { BackendContext } from '../context';
import { requireInstance } from '../instance-lookup';

export function toInstanceSummary(context: BackendContext, row: InstanceRow): InstanceSummary {
  let lastValidation: InstanceSummary['lastValidation'] = null;
  if (row.lastValidation) {
    const { status, at } = row.lastValidation;
    // Read (and checked against its schema) only where the summary needs it, not on every instance lookup.
    const result = context.store.validationResults.get(row.id);
    const summary = result
      ? summarise(result)
      : 'The last validation was stored in a form this version cannot read. Validate again to see it.';
    lastValidation = { status, at, summary };
  }
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    resourceServer: row.resourceServer,
    hasClientSecret: row.hasClientSecret,
    lastValidation,
  };
}

/** One line for the instance list: the first failure, else the first warning, else the evidence. */
function summarise(result: ValidationResult): string {
  const failed = result.steps.find((step) => step.status === 'failed');
  if (failed?.error) return failed.error.message;
  const warning = result.warnings[0];
  if (warning) return warning.message;
  return result.steps
    .map((step) => step.evidence)
    .filter(Boolean)
    .join(' · ');
}

function refuseDuplicateName(context: BackendContext, name: string, exceptId?: string): void {
  const existing = context.store.instances.findIdByName(name);
  if (existing && existing !== exceptId) {
    throw new AppError('conflict', `An instance called "${name}" exists already. Choose another name.`, {
      name,
    });
  }
}

export function listInstances(context: BackendContext): ResponseOf<'instances:list'> {
  return { instances: context.store.instances.list().map((row) => toInstanceSummary(context, row)) };
}

export function createInstance(
  context: BackendContext,
  request: ParsedRequestOf<'instances:create'>,
): ResponseOf<'instances:create'> {
  refuseDuplicateName(context, request.name);
  const id = context.newId();
  context.store.instances.insert(id, request.name, context.now().toISOString());
  return toInstanceSummary(context, requireInstance(context, id));
}

export function renameInstance(
  context: BackendContext,
  request: ParsedRequestOf<'instances:rename'>,
): ResponseOf<'instances:rename'> {
  requireInstance(context, request.id);
  refuseDuplicateName(context, request.name, request.id);
  context.store.instances.rename(request.id, request.name, context.now().toISOString());
  return toInstanceSummary(context, requireInstance(context, request.id));
}

/**
 * Deletes an instance, its configuration, its validation result and its keychain secret. Its running
 * Refresh Options or Suggest is stopped first and waited for, so no request goes out with the deleted
 * secret and no write lands on rows that are gone. The secret goes next: if the keychain is unreachable,
 * nothing is deleted and the user is told why.
 */
export async function deleteInstance(
  context: BackendContext,
  request: ParsedRequestOf<'instances:delete'>,
): Promise<ResponseOf<'instances:delete'>> {
  const row = requireInstance(context, request.id);
  return context.operations.stopInstanceWhile(request.id, async () => {
    const removedSecret = await context.secrets.delete(request.id);
    context.store.transaction(() => context.store.instances.delete(request.id));
    context.haloClients.forget(request.id);
    return { id: row.id, name: row.name, removedSecret };
  });
}
