import { instanceSlot } from '../../lib/instance-memory';
import type { FormValues } from './form-model';

/** A configuration form the technician typed into and has not saved. */
export interface UnsavedForm {
  values: FormValues;
  /** A pasted Client Secret: held in this process's memory only, never written anywhere. */
  secret: string;
  replacingSecret: boolean;
}

/**
 * Each instance's unsaved connection details while the app runs. Halo shows a new secret once, so a
 * click on another instance or tab must not throw away what was pasted: the form puts its unsaved state
 * here and finds it again when the instance is opened. Saving or discarding removes it.
 */
export const unsavedForms = instanceSlot<UnsavedForm>();
