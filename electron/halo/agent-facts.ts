import type { HaloAgentFacts } from '../../shared/validation';
import { agentTeamSchema, type HaloAgent } from './schemas';

/** The agent facts the validation screen shows, from Halo's `/api/Agent/me` object. */
export function agentFacts(agent: HaloAgent): HaloAgentFacts {
  const teams: HaloAgentFacts['teams'] = [];
  for (const raw of agent.teams ?? []) {
    const team = agentTeamSchema.safeParse(raw);
    if (!team.success) continue;
    teams.push({ id: team.data.team_id ?? null, name: team.data.team_name ?? '' });
  }
  return {
    id: agent.id,
    name: agent.name,
    email: agent.email ?? null,
    isDisabled: agent.isdisabled === true,
    isApiAgent: agent.isapiagent ?? null,
    teams,
  };
}
