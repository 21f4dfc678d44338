import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const cli = join(repoRoot, 'test', 'fake-halo', 'cli.ts');

const announcementSchema = z.object({
  url: z.string(),
  host: z.string(),
  port: z.number(),
  clientId: z.string(),
  clientSecret: z.string(),
  tenant: z.string().nullable(),
  caPem: z.string().nullable(),
});

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[]): ChildProcess {
  const child = spawn(tsx, [cli, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

async function firstLine(child: ChildProcess): Promise<string> {
  if (!child.stdout) throw new Error('no stdout');
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, 'line')) as [string];
  return line;
}

describe('fake Halo CLI', () => {
  it('prints url, host and credentials as one JSON line, serves them, and exits 0 on SIGTERM', async () => {
    const child = run(['--clients', '25', '--port', '0', '--tenant', 'acme', '--tenant-mode', 'required']);
    const announced = announcementSchema.parse(JSON.parse(await firstLine(child)));
    expect(announced.url).toBe(`http://127.0.0.1:${announced.port}`);
    expect(announced.host).toBe(`127.0.0.1:${announced.port}`);
    expect(announced.tenant).toBe('acme');
    expect(announced.caPem).toBeNull();

    const token = await fetch(`${announced.url}/auth/token?tenant=acme`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: announced.clientId,
        client_secret: announced.clientSecret,
        scope: 'all',
      }),
    });
    expect(token.status).toBe(200);
    const { access_token: accessToken } = z.object({ access_token: z.string() }).parse(await token.json());
    const page = await fetch(`${announced.url}/api/Client?includeinactive=true`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(z.object({ record_count: z.number() }).parse(await page.json()).record_count).toBe(25);

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    await expect(fetch(`${announced.url}/api/authinfo`)).rejects.toThrow();
  });

  it('refuses a bad option value with exit code 2 and the usage on stderr', async () => {
    const child = run(['--clients', 'many']);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain('--clients must be a whole number');
    expect(stderr).toContain('Usage:');
  });
});
