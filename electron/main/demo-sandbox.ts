import { z } from 'zod';
import type { Backend } from '../backend';

/** What the demo launcher learns from the fake Halo it started (test/fake-halo/cli.ts prints it). */
const demoHaloSchema = z.object({
  host: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  caPem: z.string().nullable().default(null),
});
export type DemoHalo = z.infer<typeof demoHaloSchema>;

export const DEMO_INSTANCE_NAME = 'Sandbox (demo)';

/**
 * Creates (or refreshes) the clearly labelled demo instance, configured against a local fake Halo over
 * HTTPS with the fake's private CA — the same path an on-premise Halo behind a private CA takes. It goes
 * through the backend's public channels, so the demo exercises exactly what a technician would.
 */
export async function seedDemoSandbox(backend: Backend, demo: DemoHalo): Promise<string> {
  const listed = await backend.invoke('instances:list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  let id = listed.value.instances.find((instance) => instance.name === DEMO_INSTANCE_NAME)?.id;
  if (!id) {
    const created = await backend.invoke('instances:create', { name: DEMO_INSTANCE_NAME });
    if (!created.ok) throw new Error(created.error.message);
    id = created.value.id;
  }
  const saved = await backend.invoke('config:save', {
    instanceId: id,
    configuration: {
      resourceServer: demo.host,
      clientId: demo.clientId,
      tenant: '',
      authServer: '',
      isOnPremise: true,
      caCertificatePem: demo.caPem ?? '',
      clientSecret: demo.clientSecret,
    },
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return id;
}

/** Reads the demo settings the launcher passes in HALO_SETUP_DEMO, or null outside the demo. */
export function demoHaloFromEnvironment(value: string | undefined): DemoHalo | null {
  if (!value) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    raw = null;
  }
  const parsed = demoHaloSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error('HALO_SETUP_DEMO must carry host, clientId and clientSecret (npm run demo sets it).');
  }
  return parsed.data;
}
