import type { IncomingMessage, ServerResponse } from 'node:http';
import { singleClientOf } from './client-directory';
import { HUMAN_AGENTS } from './defaults';
import { sendJson, sendNotFoundHtml } from './http-io';
import { pageRows } from './paging';
import { type Query, queryBool, queryInt } from './query';
import { TOP_LEVELS } from './seed-data';
import { sitesOf } from './sites';
import type { FakeState } from './state';
import type { FakeAgent } from './types';

/** The department every fake team belongs to. */
const DEPARTMENT = { department_id: 1, department_name: 'Technical' };

/** AgentTeam link ids live in their own range, far from team ids. */
const AGENT_TEAM_LINK_ID_BASE = 50_000;

/**
 * Halo's `teams[]` on an agent are AgentTeam links, not teams: `id` is the link's own id (a row of the
 * agent-team table), `team_id`/`team_name` name the team. The link id is derived so it never equals the
 * team id, which keeps a client that reads `id` as the team honest.
 */
function teamLinks(agent: FakeAgent, state: FakeState): Record<string, unknown>[] {
  return agent.teamIds.flatMap((teamId) => {
    const team = state.teams.find((t) => t.id === teamId);
    if (!team) return [];
    return [
      {
        id: AGENT_TEAM_LINK_ID_BASE + agent.id * 100 + team.id,
        agent_id: agent.id,
        agent_name: agent.name,
        team_id: team.id,
        team_name: team.name,
        department_id: DEPARTMENT.department_id,
      },
    ];
  });
}

function agentJson(agent: FakeAgent, state: FakeState): Record<string, unknown> {
  const [firstname = agent.name, ...rest] = agent.name.split(' ');
  return {
    id: agent.id,
    name: agent.name,
    firstname,
    surname: rest.join(' '),
    email: agent.email,
    isdisabled: agent.isdisabled,
    isapiagent: agent.isapiagent,
    use: 'agent',
    teams: teamLinks(agent, state),
  };
}

/** `GET /api/Agent`: like Halo, API agents and disabled agents only appear when asked for. */
function agentList(query: Query, state: FakeState): Record<string, unknown>[] {
  const includeApi = queryBool(query, 'includeapiagents', false);
  const includeDisabled = queryBool(query, 'includedisabled', false);
  const includeEnabled = queryBool(query, 'includeenabled', true);
  const everyone = [state.agent, ...HUMAN_AGENTS.filter((human) => human.id !== state.agent.id)];
  return everyone
    .filter(
      (agent) => (includeApi || !agent.isapiagent) && (agent.isdisabled ? includeDisabled : includeEnabled),
    )
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((agent) => agentJson(agent, state));
}

function topLevels(state: FakeState): unknown {
  const rows = TOP_LEVELS.map((topLevel) => ({ id: topLevel.id, name: topLevel.name }));
  if (state.topLevelShape === 'wrapper') return { record_count: rows.length, tree: rows };
  if (state.topLevelShape === 'toplevels-wrapper') return { record_count: rows.length, toplevels: rows };
  return rows;
}

function listClients(res: ServerResponse, query: Query, state: FakeState): void {
  const answer = state.directory.list(query, {
    pageCap: state.pageCap,
    lyingRecordCount: state.settings.lyingRecordCount,
    shiftRowsDuringPaging: state.settings.shiftRowsDuringPaging,
  });
  const served = state.stats.clientIdsServed;
  for (const id of answer.servedIds) served[id] = (served[id] ?? 0) + 1;
  sendJson(res, 200, answer.body);
}

function oneClient(res: ServerResponse, id: number, state: FakeState): void {
  const client = state.directory.byId(id);
  if (client) sendJson(res, 200, singleClientOf(client));
  else sendJson(res, 404, { ClassName: 'HaloNotFoundException', Message: `Client ${id} not found` });
}

function listSites(res: ServerResponse, query: Query, state: FakeState): void {
  const clientId = queryInt(query, 'client_id');
  const includeActive = queryBool(query, 'includeactive', true);
  const includeInactive = queryBool(query, 'includeinactive', false);
  const search = query.get('search')?.trim().toLowerCase() ?? '';
  const clients = state.directory
    .current()
    .filter((client) => clientId === undefined || clientId <= 0 || client.id === clientId);
  const sites = sitesOf(clients).filter(
    (site) =>
      (site.inactive ? includeInactive : includeActive) &&
      (search === '' || site.name.toLowerCase().includes(search)),
  );
  const page = pageRows(sites, query, state.pageCap);
  sendJson(res, 200, { ...(page.paging ?? {}), record_count: page.recordCount, sites: page.rows });
}

/**
 * Every `/api/*` route except authinfo (handled before the bearer check). `path` is lower-case and
 * without a trailing slash: Halo's paths are case-insensitive.
 */
export function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: Query,
  state: FakeState,
): void {
  const clientId = /^\/api\/client\/(\d+)$/.exec(path)?.[1];
  const known =
    clientId !== undefined ||
    ['/api/agent/me', '/api/agent', '/api/client', '/api/site', '/api/team', '/api/toplevel'].includes(path);
  if (!known) {
    sendNotFoundHtml(res);
    return;
  }
  if (req.method !== 'GET') {
    sendJson(res, 405, { ClassName: 'HaloException', Message: `${req.method ?? ''} is not supported here` });
    return;
  }
  if (clientId !== undefined) {
    oneClient(res, Number(clientId), state);
    return;
  }
  switch (path) {
    case '/api/agent/me':
      sendJson(res, 200, agentJson(state.agent, state));
      return;
    case '/api/agent':
      sendJson(res, 200, agentList(query, state));
      return;
    case '/api/client':
      listClients(res, query, state);
      return;
    case '/api/site':
      listSites(res, query, state);
      return;
    case '/api/team':
      sendJson(
        res,
        200,
        state.teams.map((team) => ({ id: team.id, name: team.name, inactive: false, ...DEPARTMENT })),
      );
      return;
    default:
      sendJson(res, 200, topLevels(state));
  }
}
