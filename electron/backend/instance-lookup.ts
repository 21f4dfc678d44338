import type { InstanceRow } from '../store';
import { AppError } from './app-error';
import type { BackendContext } from './context';

/** The instance a request names, or `not-found` with words for the user (it may have gone in another window). */
export function requireInstance(context: BackendContext, id: string): InstanceRow {
  const row = context.store.instances.get(id);
  if (!row) {
    throw new AppError(
      'not-found',
      'That instance no longer exists. It may have been deleted in another window.',
      {
        id,
      },
    );
  }
  return row;
}
