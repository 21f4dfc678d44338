import { z } from 'zod';
import { cleanHaloText } from './clean-name';

/**
 * Tolerant schemas for what Halo returns. Loose objects: fields we do not know pass through untouched,
 * because Halo adds fields freely and other parts of the app may want them. Only the fields we rely on
 * are checked, and only as strictly as needed. Names a person reads are made display-ready here, once
 * (`haloText`: HTML entities decoded, one line); a client's own name is cleaned by `cleanClientName`
 * where the cache is written, because that step also counts what it changed.
 */

/** A value that may be absent, null, or (tolerated) of an unexpected type: then it reads as null. */
const lenient = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);

/**
 * A Halo id as it arrives: Halo's Swagger types ids as numbers (some as doubles, so `22.0`), and some
 * versions and proxies send them as numeric strings (`"22"`). All read as the integer; anything else
 * (a fraction, text) is not an id.
 */
export const haloId = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\s*-?\d+(?:\.0+)?\s*$/)
      .transform(Number),
  ])
  .pipe(z.number().int());

/** Text Halo shows a person (team, top-level, site and agent names): display-ready, never encoded. */
const haloText = z.string().transform(cleanHaloText);

/** A reference to another record: Halo writes `-1` for "unset", which reads as null (no reference). */
const haloReference = lenient(haloId.transform((id) => (id === -1 ? null : id)));

export const haloClientRowSchema = z.looseObject({
  id: haloId.pipe(z.number().positive()),
  name: z.string().catch(''),
  toplevel_id: haloReference,
  toplevel_name: lenient(haloText),
  inactive: lenient(z.boolean()),
  colour: lenient(z.string()),
  main_site_id: haloReference,
  main_site_name: lenient(haloText),
  website: lenient(z.string()),
  ref: lenient(z.string()),
  is_vip: lenient(z.boolean()),
  customertype: lenient(haloId),
  accountsid: lenient(z.string()),
  notes: lenient(z.string()),
  /** With `includeazuretenants=true`: the client's AreaAzureTenant records, read one by one (azure-tenants.ts). */
  azure_tenants: lenient(z.array(z.unknown())),
});
/** One Halo client (customer) row as read, extra fields included. */
export type HaloClientRow = z.infer<typeof haloClientRowSchema>;

/** `GET /api/Client` with `pageinate=true`. */
export const clientPageSchema = z.looseObject({
  page_no: lenient(z.number()),
  page_size: lenient(z.number()),
  record_count: lenient(z.number()),
  clients: z.array(z.unknown()),
});

/**
 * One entry of an agent's `teams[]`: Halo's AgentTeam link. Its `id` is the link's own id, not the
 * team's, so membership is read from `team_id` and `team_name` only.
 */
export const agentTeamSchema = z.looseObject({
  team_id: lenient(haloId),
  team_name: lenient(haloText),
});

export const haloAgentSchema = z.looseObject({
  id: haloId,
  name: haloText.catch(''),
  email: lenient(z.string()),
  isdisabled: lenient(z.boolean()),
  isapiagent: lenient(z.boolean()),
  teams: lenient(z.array(z.unknown())),
});
export type HaloAgent = z.infer<typeof haloAgentSchema>;

export const haloTeamSchema = z.looseObject({
  id: haloId,
  name: haloText.catch(''),
});
export type HaloTeam = z.infer<typeof haloTeamSchema>;

export const haloTopLevelSchema = z.looseObject({
  id: haloId,
  name: haloText.catch(''),
});
export type HaloTopLevel = z.infer<typeof haloTopLevelSchema>;

export const authInfoSchema = z.looseObject({
  auth_url: z.string().min(1),
  tenant_id: lenient(z.string()),
});

export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: lenient(z.string()),
  expires_in: lenient(z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)])),
  scope: lenient(z.string()),
});
