import { ApiError } from '../api';

/** The message to show for anything a call threw: the backend's words, or a plain fallback. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return 'Something went wrong. Try again.';
}
