import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc';
import { type AppError, cancelledError } from '../app-error';
import type { BackendContext } from '../context';
import { clientForInstance } from '../halo-access';
import { requireInstance } from '../instance-lookup';

export const validationKey = (instanceId: string) => `validate:${instanceId}`;

/** What a cancelled validation answers: nothing was stored, so the previous result still stands. */
export function validationCancelled(): AppError {
  return cancelledError(
    'validation',
    'Validation cancelled. Nothing was changed; validate again when ready.',
    'Validate again when you are ready.',
  );
}

/**
 * Runs `work` (a validation, or the wizard's check around one) as the instance's cancellable
 * "validate:<id>" operation, so `config:cancelValidation` and deleting the instance both stop it.
 */
export async function whileValidating<T>(
  context: BackendContext,
  instanceId: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  requireInstance(context, instanceId);
  const key = validationKey(instanceId);
  const controller = context.operations.start(key, 'A validation is already running for this instance.');
  try {
    const result = await work(controller.signal);
    if (controller.signal.aborted) throw validationCancelled();
    return result;
  } finally {
    context.operations.finish(key, controller);
  }
}

export function cancelValidation(
  context: BackendContext,
  request: ParsedRequestOf<'config:cancelValidation'>,
): ResponseOf<'config:cancelValidation'> {
  return { cancelled: context.operations.cancel(validationKey(request.instanceId)) };
}

/**
 * Validates an instance's saved configuration against Halo (token -> Agent/me -> one page of clients),
 * streams each step's progress as events, and keeps the result for the instance list. Cancelled through
 * `signal`, it rejects with `validationCancelled()` and stores nothing: a cancel is not a failure.
 */
export async function validateInstance(
  context: BackendContext,
  request: ParsedRequestOf<'config:validate'>,
  signal: AbortSignal,
): Promise<ResponseOf<'config:validate'>> {
  const { instanceId } = request;
  requireInstance(context, instanceId);
  const client = await clientForInstance(context, instanceId, 'validation');
  if (signal.aborted) throw validationCancelled();
  const result = await client.validate({
    signal,
    onProgress: (steps) => context.emit({ type: 'validation:progress', instanceId, steps }),
  });
  if (signal.aborted) throw validationCancelled();
  // The instance may have been deleted while Halo answered: then there is nothing to keep.
  if (context.store.instances.get(instanceId)) context.store.validationResults.save(instanceId, result);
  return result;
}
