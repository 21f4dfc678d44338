import { describe, expect, it } from 'vitest';
import { agentFacts, createHaloClient, type HaloClient } from '../../../electron/halo/index';
import { findListArray, parseList } from '../../../electron/halo/parse-list';
import { haloClientRowSchema, haloTeamSchema } from '../../../electron/halo/schemas';
import { FAKE_CLIENT_SECRET, type FakeHalo, type FakeHaloOptions } from '../../fake-halo/index';
import { configFor, expectHaloError, fakesPerTest, loopbackLookup } from './helpers';

const resources = fakesPerTest({ clients: 5 });

async function clientFor(options: FakeHaloOptions = {}): Promise<{ fake: FakeHalo; c: HaloClient }> {
  const fake = await resources.fake(options);
  const c = createHaloClient(configFor(fake), {
    clientSecret: FAKE_CLIENT_SECRET,
    protocol: 'http',
    lookup: loopbackLookup,
    proxy: {},
  });
  resources.track(c);
  return { fake, c };
}

describe('tolerant list parsing', () => {
  it('accepts a bare array, a named wrapper, or a wrapper with one array', () => {
    expect(findListArray([1, 2], ['teams'])).toEqual([1, 2]);
    expect(findListArray({ record_count: 2, teams: [1, 2] }, ['teams'])).toEqual([1, 2]);
    expect(findListArray({ record_count: 1, other: [3] }, ['teams'])).toEqual([3]);
    expect(() => findListArray({ a: [1], b: [2] }, ['teams'])).toThrow(/teams/);
    expect(() => findListArray('x', [])).toThrow(/array/);
  });

  it('keeps good items, counts rejected ones, and lets unknown fields through', () => {
    const parsed = parseList(
      [{ id: 1, name: 'A', extra: true }, { name: 'no id' }, { id: 2 }],
      ['teams'],
      haloTeamSchema,
    );
    expect(parsed.rejected).toBe(1);
    expect(parsed.items).toEqual([
      { id: 1, name: 'A', extra: true },
      { id: 2, name: '' },
    ]);
  });

  it('reads client ids leniently (integer, decimal, numeric string), -1 as no top level, and rejects the rest', () => {
    const parsed = parseList(
      [
        { id: 21, name: 'Int', toplevel_id: 1 },
        { id: '22', name: 'String', toplevel_id: '-1' },
        { id: 23.0, name: 'Decimal', toplevel_id: -1 },
        { id: 24.5, name: 'Fraction' },
        { id: 'abc', name: 'Text' },
        { id: -1, name: 'Unset' },
      ],
      ['clients'],
      haloClientRowSchema,
    );
    expect(parsed.items.map((row) => [row.id, row.toplevel_id])).toEqual([
      [21, 1],
      [22, null],
      [23, null],
    ]);
    expect(parsed.rejected).toBe(3);
  });

  it("agent facts read membership from the AgentTeam link's team_id and team_name, not its own id", () => {
    const facts = agentFacts({
      id: 3,
      name: 'X',
      email: null,
      isdisabled: null,
      isapiagent: null,
      teams: [
        { id: 901, agent_id: 3, agent_name: 'X', team_id: 4, team_name: 'Projects' },
        { id: 902, agent_id: 3, agent_name: 'X', team_id: '5', team_name: 'Desk' },
        'junk',
      ],
    });
    expect(facts).toEqual({
      id: 3,
      name: 'X',
      email: null,
      isDisabled: false,
      isApiAgent: null,
      teams: [
        { id: 4, name: 'Projects' },
        { id: 5, name: 'Desk' },
      ],
    });
  });
});

describe('list endpoints against the fake', () => {
  it('teams: bare array', async () => {
    const { c } = await clientFor();
    const teams = await c.listTeams();
    expect(teams.map((t) => t.name)).toContain('Service Desk');
  });

  it.each(['array', 'wrapper', 'toplevels-wrapper'] as const)('top levels: %s shape', async (shape) => {
    const { c } = await clientFor({ topLevelShape: shape });
    const topLevels = await c.listTopLevels();
    expect(topLevels.length).toBeGreaterThan(0);
    expect(topLevels.every((t) => typeof t.id === 'number' && typeof t.name === 'string')).toBe(true);
  });

  it('agent/me keeps extra fields', async () => {
    const { c } = await clientFor();
    const me = await c.getAgentMe();
    expect(me).toMatchObject({ id: 7, name: 'Rewst API', isapiagent: true });
    expect(me.firstname).toBe('Rewst');
  });

  it('a JSON answer that is not a list is not-json, not a crash', async () => {
    const { fake, c } = await clientFor();
    fake.injectFault('/api/team', { kind: 'status', status: 200, body: '{"a":1}' });
    const error = await expectHaloError(c.listTeams(), 'not-json');
    expect(error.info.message).toContain('does not understand');
  });
});
