import { z } from 'zod';

/**
 * Tolerant schemas for what Halo returns. Loose objects: fields we do not know pass through untouched,
 * because Halo adds fields freely and other parts of the app may want them. Only the fields we rely on
 * are checked, and only as strictly as needed. Text is kept raw (no HTML entity decoding here: that is
 * the mapping normaliser's job).
 */

/** A value that may be absent, null, or (tolerated) of an unexpected type: then it reads as null. */
const lenient = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);

export const haloClientRowSchema = z.looseObject({
  id: z.number().int(),
  name: z.string().catch(''),
  toplevel_id: lenient(z.number()),
  toplevel_name: lenient(z.string()),
  inactive: lenient(z.boolean()),
  colour: lenient(z.string()),
  main_site_id: lenient(z.number()),
  main_site_name: lenient(z.string()),
  website: lenient(z.string()),
  ref: lenient(z.string()),
  is_vip: lenient(z.boolean()),
  customertype: lenient(z.number()),
  accountsid: lenient(z.string()),
  notes: lenient(z.string()),
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

export const agentTeamSchema = z.looseObject({
  id: lenient(z.number()),
  team_id: lenient(z.number()),
  name: lenient(z.string()),
  team: lenient(z.string()),
  teamname: lenient(z.string()),
});

export const haloAgentSchema = z.looseObject({
  id: z.number().int(),
  name: z.string().catch(''),
  email: lenient(z.string()),
  isdisabled: lenient(z.boolean()),
  isapiagent: lenient(z.boolean()),
  teams: lenient(z.array(z.unknown())),
});
export type HaloAgent = z.infer<typeof haloAgentSchema>;

export const haloTeamSchema = z.looseObject({
  id: z.number().int(),
  name: z.string().catch(''),
});
export type HaloTeam = z.infer<typeof haloTeamSchema>;

export const haloTopLevelSchema = z.looseObject({
  id: z.number().int(),
  name: z.string().catch(''),
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
