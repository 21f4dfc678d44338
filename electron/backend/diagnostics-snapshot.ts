import type { ConfigurationView } from '../../shared/ipc';
import type { ValidationResult } from '../../shared/validation';
import { toConfigurationView } from './configuration-save';
import type { BackendContext } from './context';

/**
 * What Help > Export Diagnostics needs from the backend: the app, and for each instance its
 * configuration as the window sees it (never the secret: only "a secret is stored") and its last
 * validation result. Not an IPC channel: only the main process asks, from its own menu.
 */
export interface DiagnosticsSnapshot {
  app: { name: string; version: string; platform: string; secretStore: string };
  instances: Array<{
    name: string;
    configuration: ConfigurationView | null;
    lastValidation: ValidationResult | null;
  }>;
}

export function collectDiagnosticsSnapshot(context: BackendContext): DiagnosticsSnapshot {
  const instances = context.store.instances.list().map((row) => {
    const stored = context.store.configurations.get(row.id);
    return {
      name: row.name,
      configuration: stored ? toConfigurationView(stored) : null,
      lastValidation: context.store.validationResults.get(row.id),
    };
  });
  const { name, version, platform } = context.appInfo;
  return { app: { name, version, platform, secretStore: context.secrets.description }, instances };
}
