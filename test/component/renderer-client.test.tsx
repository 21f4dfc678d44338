import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, api } from '../../renderer/src/api';
import { splitChannel } from '../../shared/api';
import { channelNames } from '../../shared/channel-names';
import { apiForBackend } from '../support/api-bridge';
import { startBackend } from './render-app';

/** The renderer's client is generated from the channel list: one call per channel, nothing hand-written. */
let started: ReturnType<typeof startBackend> | undefined;
afterEach(() => started?.dispose());

describe('the generated renderer client', () => {
  it('has exactly one call per channel of the contract, plus onEvent', () => {
    const calls = Object.entries(api).flatMap(([domain, verbs]) =>
      typeof verbs === 'function' ? [] : Object.keys(verbs).map((verb) => `${domain}:${verb}`),
    );
    expect(calls.sort()).toEqual([...channelNames].sort());
    for (const channel of channelNames) {
      const [domain, verb] = splitChannel(channel);
      expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[domain]?.[verb]).toBe(
        'function',
      );
    }
    expect(typeof api.onEvent).toBe('function');
  });

  it('answers with the value, and rejects with an ApiError whose details are typed by its code', async () => {
    started = startBackend();
    window.api = apiForBackend(started.backend);
    const created = await api.instances.create({ name: 'Production' });
    expect((await api.instances.list()).instances.map((instance) => instance.name)).toEqual(['Production']);

    const refused = await api.organizations
      .import({ format: 'csv', content: 'name\n"never closed\n' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    const data = (refused as ApiError).data;
    expect(data.code).toBe('invalid-file');
    if (data.code === 'invalid-file') expect(data.details.problems[0]?.line).toBe(2);

    expect(created.id).not.toBe('00000000-0000-4000-8000-000000000000');
    const gone = await api.mappings
      .get({ instanceId: '00000000-0000-4000-8000-000000000000' })
      .catch((error: unknown) => error);
    expect((gone as ApiError).code).toBe('not-found');
  });
});
