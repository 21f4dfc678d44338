import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { channelNames } from '../../../shared/channel-names';
import { type ChannelName, channels, type IpcResult } from '../../../shared/ipc';
import { makeTempDir } from '../../support/temp-dir';
import { testBackend } from '../../support/test-backend';

/**
 * Hostile IPC: every channel in `channelNames` (so a channel added tomorrow is fuzzed tomorrow) gets
 * malformed, oversized and hostile payloads through the real backend on a real SQLite file. Each must
 * come back as error data — `invalid-request` for what the contract refuses, a domain error (never
 * `internal`) for well-formed requests about records that do not exist — the process must keep serving,
 * no prototype may be polluted, and the database file must be byte-for-byte what it was.
 *
 * Payloads go through structuredClone first, because that is what Electron's IPC does to them: what
 * cannot be cloned (functions, symbols) never reaches main, and getters arrive as plain values.
 */

const temp = makeTempDir('halo-setup-fuzz-');
const databaseFile = path.join(temp.dir, 'halo-setup.db');
let seededInstanceId = '';
let backend: Backend;
let hashBefore = '';

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A database with something in it, closed so its WAL is checkpointed into the main file. */
async function seedDatabase(): Promise<void> {
  const seed = testBackend(temp.dir);
  const created = await seed.invoke('instances:create', { name: 'Production' });
  if (!created.ok) throw new Error(created.error.message);
  seededInstanceId = created.value.id;
  const saved = await seed.invoke('config:save', {
    instanceId: seededInstanceId,
    configuration: {
      resourceServer: 'acme.halopsa.com',
      clientId: '3f6c2a1e-8b4d-4e7a-9c15-2d7f0b9e6a48',
      tenant: '',
      authServer: '',
      isOnPremise: false,
      caCertificatePem: '',
      clientSecret: 'seeded-secret-value-0123456789abcdef',
    },
  });
  if (!saved.ok) throw new Error(saved.error.message);
  const organization = await seed.invoke('organizations:upsert', { name: 'Contoso Ltd' });
  if (!organization.ok) throw new Error(organization.error.message);
  seed.close();
}

function deepObject(depth: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
}

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const HUGE = 'A'.repeat(2 * 1024 * 1024);

/** Values no field of any channel should accept, or should accept only after proper checks. */
const hostileValues: Array<[string, unknown]> = [
  ['null', null],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['-0', -0],
  ['huge number', 1e308],
  ['negative int', -1],
  ['fraction', 0.5],
  ['bigint', 2n ** 70n],
  ['true', true],
  ['empty string', ''],
  ['2 MiB string', HUGE],
  ['NUL and lone surrogate', '\u0000\ud800\u202e'],
  ['SQL', "x'); DROP TABLE instances; --"],
  ['path traversal', '../../../../etc/passwd'],
  ['script', '<img src=x onerror=alert(1)>'],
  ['not a uuid', '00000000-0000-0000-0000-00000000000g'],
  ['empty array', []],
  ['array for object', [{ instanceId: 'x' }]],
  // Deeper than ~2,000 levels, structuredClone itself overflows: such a payload never leaves the renderer.
  ['1,000-deep array', deepArray(1_000)],
  ['1,000-deep object', deepObject(1_000)],
  ['__proto__ pollution', JSON.parse('{"__proto__": {"polluted": "yes"}, "instanceId": "x"}')],
  ['constructor pollution', { constructor: { prototype: { polluted: 'yes' } } }],
  ['Date', new Date(0)],
  ['Map', new Map([['instanceId', 'x']])],
  // A typed array's indices are keys to zod's strict objects: 64 KiB is plenty to prove the point.
  ['bytes', new Uint8Array(64 * 1024)],
  ['wide object', Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]))],
];

type Def = Record<string, unknown>;
function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

/**
 * A plausible value for a schema, read from zod's definitions: uuids become `uuid`, strings "Example",
 * enums their first option... It need not pass every refinement: it is the base the fuzzer mutates.
 */
function exampleOf(schema: unknown, uuid: string, depth = 0): unknown {
  const def = defOf(schema);
  if (depth > 8) return null;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(shape).map(([key, field]) => [key, exampleOf(field, uuid, depth + 1)]),
      );
    }
    case 'string':
      return def.format === 'uuid' || def.format === 'guid' ? uuid : 'Example';
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'array':
      return [exampleOf(def.element, uuid, depth + 1)];
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
      return exampleOf(def.innerType, uuid, depth + 1);
    case 'pipe':
      return exampleOf(def.in, uuid, depth + 1);
    case 'union':
      return exampleOf((def.options as unknown[])[0], uuid, depth + 1);
    case 'record':
      return {};
    default:
      return null;
  }
}

/** Top-level hostile payloads, then the channel's own shape with one field at a time made hostile. */
function hostilePayloads(channel: ChannelName): Array<[string, unknown]> {
  const payloads: Array<[string, unknown]> = hostileValues.map(([label, value]) => [
    `payload = ${label}`,
    value,
  ]);
  payloads.push(['a string', 'instances:list'], ['a number', 42]);
  const base = exampleOf(channels[channel].request, seededInstanceId);
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    const record = base as Record<string, unknown>;
    payloads.push(['unknown extra key', { ...record, isAdmin: true }]);
    for (const key of Object.keys(record)) {
      for (const [label, value] of hostileValues)
        payloads.push([`${key} = ${label}`, { ...record, [key]: value }]);
      const { [key]: _removed, ...withoutKey } = record;
      payloads.push([`without ${key}`, withoutKey]);
      const nested = record[key];
      if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
        for (const inner of Object.keys(nested)) {
          for (const [label, value] of hostileValues)
            payloads.push([
              `${key}.${inner} = ${label}`,
              { ...record, [key]: { ...nested, [inner]: value } },
            ]);
        }
      }
    }
  }
  return payloads;
}

/** A well-formed request naming a record (by uuid) that does not exist, or null when the channel has none. */
function phantomRequest(channel: ChannelName): unknown {
  const phantom = exampleOf(channels[channel].request, randomUUID());
  const namesARecord = /[0-9a-f]{8}-[0-9a-f]{4}-/.test(JSON.stringify(phantom ?? null));
  // A well-formed "create" (no record named) would rightly change the database: those are not sent.
  return namesARecord && channels[channel].request.safeParse(phantom).success ? phantom : null;
}
const channelsNamingARecord = channelNames.filter((channel) => phantomRequest(channel) !== null);

/** What Electron's IPC delivers of a value, or `undefined` when it cannot be sent at all. */
function throughIpc(value: unknown): { value: unknown } | undefined {
  try {
    return { value: structuredClone(value) };
  } catch {
    return undefined;
  }
}

beforeAll(async () => {
  await seedDatabase();
  hashBefore = sha256(databaseFile);
  backend = testBackend(temp.dir);
});

afterAll(() => {
  backend.close();
  temp.cleanup();
});

describe('IPC fuzz: hostile payloads to every channel', () => {
  it('covers every channel of the contract', () => {
    expect(channelNames.length).toBeGreaterThanOrEqual(8);
    expect(new Set(channelNames)).toEqual(new Set(Object.keys(channels)));
    // Most channels name an instance: the well-formed-but-phantom test must reach them.
    expect(channelsNamingARecord.length).toBeGreaterThan(channelNames.length / 2);
  });

  it.each([...channelNames])('%s refuses every malformed payload with invalid-request', async (channel) => {
    let refused = 0;
    for (const [label, payload] of hostilePayloads(channel)) {
      const delivered = throughIpc(payload);
      if (!delivered) continue;
      // What the contract accepts is not malformed; well-formed requests are the next test's business.
      if (channels[channel].request.safeParse(delivered.value ?? {}).success) continue;
      const result = await backend.invoke(channel, delivered.value);
      expect(result.ok, `${channel} accepted ${label}`).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, `${channel} with ${label}: ${result.error.message}`).toBe('invalid-request');
      expect(result.error.message).toContain(channel);
      expect(result.error.message).not.toMatch(/\n\s+at /);
      expect(result.error.message.length).toBeLessThan(2000);
      refused++;
    }
    // null is {} to the backend, and a Date or Map has no own keys: an empty request may accept those.
    expect(refused).toBeGreaterThanOrEqual(hostileValues.length - 3);
  });

  it.each(channelsNamingARecord)(
    '%s answers a well-formed request about a record that does not exist with a clear error or an empty answer',
    async (channel) => {
      const result: IpcResult<unknown> = await backend.invoke(channel, phantomRequest(channel));
      if (!result.ok) expect(['not-found', 'invalid-request', 'conflict']).toContain(result.error.code);
    },
  );

  it('refuses unknown channels, including the names of Object.prototype members', async () => {
    for (const channel of [
      'nope:nope',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      'app:info ',
    ]) {
      const result = await backend.invoke(channel as ChannelName, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code, channel).toBe('invalid-request');
    }
  });

  it('left no prototype polluted', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('isAdmin');
  });

  it('keeps serving after the barrage', async () => {
    const listed = await backend.invoke('instances:list', {});
    expect(listed.ok && listed.value.instances.map((instance) => instance.id)).toEqual([seededInstanceId]);
  });

  it('left the database file byte-for-byte unchanged', () => {
    backend.close();
    expect(existsSync(`${databaseFile}-wal`) ? readFileSync(`${databaseFile}-wal`).length : 0).toBe(0);
    expect(sha256(databaseFile)).toBe(hashBefore);
  });
});
