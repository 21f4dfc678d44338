import type { FakeAgent, FakeTeam } from './types';

/** A fixed lowercase GUID, as Halo shows Client IDs. */
export const FAKE_CLIENT_ID = '3f6c2a1e-8b4d-4e7a-9c15-2d7f0b9e6a48';
/** A fixed secret with the length and alphabet of a Halo-generated one. */
export const FAKE_CLIENT_SECRET = 'b7Xq9-fake-Secret-4kLm2Np8Rs6Tv0Wy3Za5Cd7Ef9Gh1Jk';

export const DEFAULT_CLIENT_COUNT = 300;
export const DEFAULT_RATE_LIMIT = { limit: 300, windowMs: 300_000, sendRetryAfter: false } as const;

/** Ids are not contiguous, as in a real instance where teams were removed. */
export const DEFAULT_TEAMS: readonly FakeTeam[] = [
  { id: 1, name: '1st Line Support' },
  { id: 2, name: '2nd Line Support' },
  { id: 4, name: 'Projects' },
  { id: 5, name: 'Service Desk' },
  { id: 8, name: 'Sales' },
  { id: 9, name: 'Accounts' },
];

export function defaultAgent(teams: readonly FakeTeam[]): FakeAgent {
  return {
    id: 7,
    name: 'Rewst API',
    email: 'rewst.api@brightline-it.example',
    isdisabled: false,
    isapiagent: true,
    teamIds: teams.map((team) => team.id),
  };
}

/** People who also appear in /api/Agent, so a list has more than the API agent in it. */
export const HUMAN_AGENTS: readonly FakeAgent[] = [
  {
    id: 2,
    name: 'Priya Shah',
    email: 'priya.shah@brightline-it.example',
    isdisabled: false,
    isapiagent: false,
    teamIds: [1, 5],
  },
  {
    id: 4,
    name: 'Tom Becker',
    email: 'tom.becker@brightline-it.example',
    isdisabled: false,
    isapiagent: false,
    teamIds: [2, 4],
  },
  {
    id: 5,
    name: 'Jo Müller',
    email: 'jo.mueller@brightline-it.example',
    isdisabled: true,
    isapiagent: false,
    teamIds: [1],
  },
  {
    id: 11,
    name: "Sam O'Neill",
    email: 'sam.oneill@brightline-it.example',
    isdisabled: false,
    isapiagent: false,
    teamIds: [8, 9],
  },
];
