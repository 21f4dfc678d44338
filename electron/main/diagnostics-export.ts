import { buildDiagnosticsReport, redactSecrets } from '../../shared/diagnostics';
import type { DiagnosticsSnapshot } from '../backend';

export interface DiagnosticsExportInput {
  generatedAt: string;
  snapshot: DiagnosticsSnapshot;
  /** process.versions and the OS: what support asks first. */
  versions: Record<string, string>;
  logLines: readonly string[];
}

/**
 * Help > Export Diagnostics: one text file for a support ticket. The versions, then for every instance
 * the same report as the screen's "Copy diagnostics" (configuration without the secret, last validation
 * with every step), then the most recent log lines. Every part is redacted on its own and the whole once
 * more, with the same rules as the logs.
 */
export function buildDiagnosticsExport(input: DiagnosticsExportInput): string {
  const { app, instances } = input.snapshot;
  const lines = [
    `${app.name} diagnostics export`,
    `generated: ${input.generatedAt}`,
    `app: ${app.name} ${app.version} (${app.platform})`,
    `secret store: ${app.secretStore}`,
    ...Object.entries(input.versions).map(([name, version]) => `${name}: ${version}`),
    `instances: ${instances.length}`,
    '',
  ];
  for (const instance of instances) {
    lines.push(`=== instance: ${instance.name}`);
    lines.push(
      buildDiagnosticsReport({
        generatedAt: input.generatedAt,
        app,
        instanceName: instance.name,
        configuration: instance.configuration,
        result: instance.lastValidation,
      }),
    );
    lines.push('');
  }
  lines.push(`=== recent log lines (${input.logLines.length})`);
  lines.push(...input.logLines.map((line) => redactSecrets(line)));
  return `${redactSecrets(lines.join('\n'))}\n`;
}

/** "halo-setup-diagnostics-2026-11-30-1542.txt" */
export function diagnosticsFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  return `halo-setup-diagnostics-${stamp}.txt`;
}
