import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import electronLog from 'electron-log/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { backendLogger, configureLogging, recentLogLines } from '../../../electron/main/logging';
import { FAKE_CLIENT_ID, type FakeHalo, startFakeHalo } from '../../fake-halo';
import { TokenStore } from '../../fake-halo/token-store';
import { fakeHaloConfiguration } from '../../support/backend-calls';
import { makeTempDir } from '../../support/temp-dir';
import { testBackend } from '../../support/test-backend';

// A whole session with a known secret, logged through the app's real logging setup (electron-log writing
// real, rotated files) and the real backend (real SQLite file), then every byte of the logs and of the
// data folder is searched for the secret and for every access token Halo handed out.

// Shaped like a real Halo client secret: two GUIDs joined by a hyphen.
const SECRET = '7c1d9e42-5b8a-4f63-a0e7-3d2c9b1f8e54-e0a4b6c2-91d7-4f3e-8a5b-6c2d0f9e1b73';
const WRONG_SECRET = 'f3a9c1e7-2d4b-4a86-9e0f-5b7c3d1a9e28-1b6d8f0a-3c5e-4d72-b9a1-8e4f2c6d0a15';

const temp = makeTempDir('halo-setup-logging-');
const dataDir = path.join(temp.dir, 'userData');
const logsDir = path.join(dataDir, 'logs');
const issuedTokens: string[] = [];
let fake: FakeHalo;
let backend: Backend;
let logFile: string;
const log = electronLog.create({ logId: 'secrets-never-logged' });

beforeAll(async () => {
  const issue = TokenStore.prototype.issue;
  vi.spyOn(TokenStore.prototype, 'issue').mockImplementation(function (this: TokenStore, ...args) {
    const token = issue.apply(this, args);
    issuedTokens.push(token);
    return token;
  });
  fake = await startFakeHalo({
    clients: 40,
    credentials: { clientId: FAKE_CLIENT_ID, clientSecret: SECRET },
  });
  // A small rotation size so the flow spills over into main.1.log, main.2.log, ...
  logFile = configureLogging(log, { logsDir, maxBytes: 2048 });
  backend = testBackend(dataDir, { logger: backendLogger(log), haloClientOptions: { protocol: 'http' } });
  await runWholeFlow();
  backend.close();
});

afterAll(async () => {
  vi.restoreAllMocks();
  await fake.stop();
  temp.cleanup();
});

async function runWholeFlow(): Promise<void> {
  const created = await backend.invoke('instances:create', { name: 'Production' });
  if (!created.ok) throw new Error(created.error.message);
  const instanceId = created.value.id;
  const configuration = fakeHaloConfiguration(fake, SECRET);
  // A wrong secret first (a failed validation, with Halo's error), then the right one.
  await backend.invoke('config:save', {
    instanceId,
    configuration: { ...configuration, clientSecret: WRONG_SECRET },
  });
  const refused = await backend.invoke('config:validate', { instanceId });
  if (!refused.ok || refused.value.status !== 'failed') throw new Error('expected a failed validation');
  const saved = await backend.invoke('config:save', {
    instanceId,
    configuration: { ...configuration, clientSecret: SECRET },
  });
  if (!saved.ok) throw new Error(saved.error.message);
  for (let round = 0; round < 3; round++) {
    const validated = await backend.invoke('config:validate', { instanceId });
    if (!validated.ok || validated.value.status === 'failed') throw new Error('expected validation to pass');
  }
  // A request that fails validation carries the secret in its payload: the payload must not be logged.
  await backend.invoke('config:save', {
    instanceId,
    configuration: { ...configuration, clientSecret: SECRET, resourceServer: 42 },
  } as never);
  await backend.invoke('instances:list', {});

  // Careless main-process logging, the way a future change might do it: the hook must catch each form.
  const token = issuedTokens.at(-1) ?? '';
  log.error(new Error(`token request failed: client_secret=${SECRET}`));
  log.warn(`retrying with Authorization: Bearer ${token}`);
  log.info('saved configuration', { clientSecret: SECRET, accessToken: token, host: fake.host });
  log.info(`{"client_secret":"${SECRET}","access_token":"${token}"}`);
  log.info(`the secret ${SECRET} was stored`);
  log.info(`the token ${token} was issued`);
  for (let i = 0; i < 40; i++) log.info(`filler line ${i} for rotation`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('secrets and tokens never reach the logs or the database', () => {
  it('wrote real, rotated log files with the flow in them', () => {
    const logs = readdirSync(logsDir).sort();
    expect(logs).toContain('main.log');
    expect(logs).toContain('main.1.log');
    const text = filesUnder(logsDir)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(text).toMatch(/ipc config:save ok \{"channel":"config:save","ms":\d+\}/);
    expect(text).toMatch(/ipc config:validate ok/);
    expect(text).toMatch(/ipc config:save failed .*"code":"invalid-request"/);
    expect(text).toContain('[redacted]');
    expect(issuedTokens.length).toBeGreaterThanOrEqual(3);
  });

  it('has neither the client secret nor any access token in any log file', () => {
    for (const file of filesUnder(logsDir)) {
      const bytes = readFileSync(file);
      for (const needle of [SECRET, WRONG_SECRET, ...issuedTokens]) {
        expect(bytes.includes(needle), `${path.basename(file)} contains ${needle.slice(0, 8)}...`).toBe(
          false,
        );
      }
    }
  });

  it('has neither in the database (nor its WAL) or anywhere else in the data folder', () => {
    const files = filesUnder(dataDir).filter((file) => !file.startsWith(logsDir));
    expect(files.some((file) => file.endsWith('halo-setup.db'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of [SECRET, WRONG_SECRET, ...issuedTokens]) {
        expect(bytes.includes(needle)).toBe(false);
        expect(bytes.includes(Buffer.from(needle, 'utf16le'))).toBe(false);
      }
    }
  });

  it('gives Export Diagnostics recent lines that are redacted as well', () => {
    const lines = recentLogLines(logFile, 200);
    // Both files fit in 200 lines (2 KiB each), so every line of main.1.log and main.log comes back,
    // oldest first, ending with the flow's last line. (How many lines each file holds depends on where
    // rotation fell, so the count is read from the files, not guessed.)
    const linesIn = (file: string) => readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean).length;
    const rotated = path.join(logsDir, 'main.1.log');
    expect(lines.length).toBe(linesIn(rotated) + linesIn(logFile));
    expect(lines.at(-1)).toContain('filler line 39 for rotation');
    const joined = lines.join('\n');
    for (const needle of [SECRET, ...issuedTokens]) expect(joined).not.toContain(needle);
  });
});
