import type { CheckId } from '../../../../shared/checklist';

/** What each self-check asks of Halo, said before it has run. */
export const CHECK_PROMISES: Record<CheckId, string> = {
  agent: 'Halo’s Agent/me must name this agent, enabled.',
  customers: 'The agent must see at least one customer.',
  application: 'Halo must issue a token for the Client ID and Secret.',
  scope: 'The token Halo issues must have the scope “all”.',
  teams: 'The agent must be a member of every team Halo lists.',
};
