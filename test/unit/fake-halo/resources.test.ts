import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FakeHalo, startFakeHalo } from '../../fake-halo';
import { apiGet, apiJson, apiParsed, getToken } from './helpers';

const teamsSchema = z.array(z.object({ id: z.number(), name: z.string() }));
const sitesSchema = z.object({
  record_count: z.number(),
  sites: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      client_id: z.number(),
      client_name: z.string(),
      clientsite_name: z.string(),
      inactive: z.boolean(),
    }),
  ),
});

describe('fake Halo: agents, teams, top levels, sites, unknown routes, stats', () => {
  let fake: FakeHalo;
  let token: string;

  beforeAll(async () => {
    fake = await startFakeHalo({ clients: 40, rateLimit: false });
    token = await getToken(fake);
  });
  afterAll(() => fake.stop());

  it('/api/Agent/me is the bare API agent, member of every team', async () => {
    const me = await apiJson(fake, '/api/Agent/me', token);
    expect(me).toMatchObject({
      id: 7,
      name: 'Rewst API',
      isdisabled: false,
      isapiagent: true,
      email: expect.any(String),
    });
    const teams = await apiParsed(fake, '/api/Team', token, teamsSchema);
    const memberOf = z
      .object({
        teams: z.array(
          z.object({
            id: z.number(),
            agent_id: z.number(),
            agent_name: z.string(),
            team_id: z.number(),
            team_name: z.string(),
          }),
        ),
      })
      .parse(me).teams;
    // AgentTeam links: membership by team_id/team_name; the link's own id is never the team's.
    expect(memberOf.map((link) => link.team_id).sort()).toEqual(teams.map((team) => team.id).sort());
    expect(memberOf[0]).toMatchObject({ agent_id: 7, agent_name: 'Rewst API', team_name: teams[0]?.name });
    const teamIds = new Set(teams.map((team) => team.id));
    expect(memberOf.filter((link) => teamIds.has(link.id))).toEqual([]);
  });

  it('/api/Team is a bare array of teams', async () => {
    const teams = await apiParsed(fake, '/api/team', token, teamsSchema);
    expect(teams.length).toBeGreaterThanOrEqual(4);
  });

  it('/api/Agent is a bare array; API and disabled agents only appear when asked for', async () => {
    const names = async (query: string): Promise<string[]> =>
      (await apiParsed(fake, `/api/Agent${query}`, token, z.array(z.object({ name: z.string() })))).map(
        (agent) => agent.name,
      );
    const people = await names('');
    expect(people.length).toBeGreaterThan(0);
    expect(people).not.toContain('Rewst API');
    expect(people).not.toContain('Jo Müller');
    expect(await names('?includeapiagents=true')).toContain('Rewst API');
    expect(await names('?includedisabled=true')).toContain('Jo Müller');
  });

  it('/api/TopLevel is a bare array by default', async () => {
    expect(await apiJson(fake, '/api/TopLevel', token)).toEqual([
      { id: 1, name: 'Customers' },
      { id: 2, name: 'Prospects' },
      { id: 3, name: 'Internal' },
    ]);
  });

  it("/api/TopLevel in the 'wrapper' ({tree}) and 'toplevels-wrapper' shapes", async () => {
    const tree = await startFakeHalo({ clients: 1, topLevelShape: 'wrapper' });
    const wrapped = await startFakeHalo({ clients: 1, topLevelShape: 'toplevels-wrapper' });
    try {
      const treeBody = await apiJson(tree, '/api/TopLevel', await getToken(tree));
      expect(treeBody).toMatchObject({ record_count: 3, tree: expect.any(Array) });
      expect(
        z
          .object({ tree: teamsSchema })
          .parse(treeBody)
          .tree.map((t) => t.name),
      ).toEqual(['Customers', 'Prospects', 'Internal']);
      const listBody = await apiJson(wrapped, '/api/TopLevel', await getToken(wrapped));
      expect(listBody).toMatchObject({ record_count: 3, toplevels: expect.any(Array) });
    } finally {
      await Promise.all([tree.stop(), wrapped.stop()]);
    }
  });

  it('/api/Site?client_id= lists that client’s sites, main site included', async () => {
    const client = fake.clients().find((row) => row.id % 6 === 0 && !row.inactive) ?? fake.clients()[0];
    if (!client) throw new Error('no clients');
    const body = await apiParsed(fake, `/api/Site?client_id=${client.id}`, token, sitesSchema);
    expect(body.record_count).toBe(body.sites.length);
    expect(body.sites).toHaveLength(client.id % 6 === 0 ? 2 : 1);
    expect(body.sites.every((site) => site.client_id === client.id && site.client_name === client.name)).toBe(
      true,
    );
    expect(body.sites).toContainEqual(
      expect.objectContaining({ id: client.main_site_id, name: client.main_site_name, inactive: false }),
    );
    const all = await apiParsed(fake, '/api/Site?includeinactive=true', token, sitesSchema);
    expect(all.sites.length).toBeGreaterThanOrEqual(fake.clients().length);
  });

  it('unknown routes answer 404 with an HTML page, as IIS does (with or without a token)', async () => {
    for (const path of ['/api/Nope', '/nothing/here', '/']) {
      const response = await apiGet(fake, path, token);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html');
      expect(await response.text()).toContain('404 - File or directory not found.');
    }
  });

  it('counts requests by kind and by lower-cased path; resetStats() clears in place', async () => {
    fake.resetStats();
    const stats = fake.stats;
    await apiGet(fake, '/api/Team', token);
    await apiGet(fake, '/API/team/', token);
    await fetch(`${fake.url}/api/authinfo`);
    await apiGet(fake, '/api/Client?count=2', token);
    expect(stats).toMatchObject({ requests: 4, tokenRequests: 0, apiRequests: 4, rateLimited: 0 });
    expect(stats.byPath).toEqual({ '/api/team': 2, '/api/authinfo': 1, '/api/client': 1 });
    expect(Object.values(stats.clientIdsServed)).toEqual([1, 1]);
    fake.resetStats();
    expect(stats).toEqual({
      requests: 0,
      tokenRequests: 0,
      apiRequests: 0,
      rateLimited: 0,
      byPath: {},
      clientIdsServed: {},
    });
    expect(fake.stats).toBe(stats);
  });

  it('uses a custom agent and teams when given', async () => {
    const custom = await startFakeHalo({
      clients: 1,
      teams: [
        { id: 3, name: 'Alpha' },
        { id: 6, name: 'Beta' },
      ],
      agent: {
        id: 42,
        name: 'Integration Bot',
        email: 'bot@x.test',
        isdisabled: true,
        isapiagent: true,
        teamIds: [6],
      },
    });
    try {
      const customToken = await getToken(custom);
      const me = await apiJson(custom, '/api/Agent/me', customToken);
      expect(me).toMatchObject({
        id: 42,
        isdisabled: true,
        teams: [{ agent_id: 42, team_id: 6, team_name: 'Beta' }],
      });
      expect(await apiJson(custom, '/api/Team', customToken)).toHaveLength(2);
    } finally {
      await custom.stop();
    }
  });

  it('listens on a given port when asked (an extra option for the demo)', async () => {
    const probe = await startFakeHalo({ clients: 0 });
    const port = probe.port;
    await probe.stop();
    const fixed = await startFakeHalo({ clients: 0, port });
    try {
      expect(fixed.port).toBe(port);
      expect((await fetch(`http://127.0.0.1:${port}/api/authinfo`)).status).toBe(200);
    } finally {
      await fixed.stop();
    }
  });
});
