import { z } from 'zod';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, type FakeHalo } from '../../fake-halo';

/** Plain-fetch helpers for talking to the fake as a Halo client would, with nothing hidden. */

export interface TokenRequest {
  path?: string;
  clientId?: string;
  clientSecret?: string;
  scope?: string | null;
  tenant?: string;
}

export function tokenRequest(fake: FakeHalo, request: TokenRequest = {}): Promise<Response> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: request.clientId ?? FAKE_CLIENT_ID,
    client_secret: request.clientSecret ?? FAKE_CLIENT_SECRET,
  });
  if (request.scope !== null) form.set('scope', request.scope ?? 'all');
  const tenant = request.tenant === undefined ? '' : `?tenant=${encodeURIComponent(request.tenant)}`;
  return fetch(`${fake.url}${request.path ?? '/auth/token'}${tenant}`, { method: 'POST', body: form });
}

export async function getToken(fake: FakeHalo, request: TokenRequest = {}): Promise<string> {
  const response = await tokenRequest(fake, request);
  if (response.status !== 200) throw new Error(`token request failed: ${response.status}`);
  return tokenBodySchema.parse(await response.json()).access_token;
}

export function apiGet(fake: FakeHalo, pathAndQuery: string, token?: string): Promise<Response> {
  const headers: Record<string, string> = token === undefined ? {} : { Authorization: `Bearer ${token}` };
  return fetch(`${fake.url}${pathAndQuery}`, { headers });
}

/** GET + JSON checked against `schema`, for routes expected to succeed; fails loudly otherwise. */
export async function apiParsed<T>(
  fake: FakeHalo,
  pathAndQuery: string,
  token: string,
  schema: z.ZodType<T>,
): Promise<T> {
  return schema.parse(await apiJson(fake, pathAndQuery, token));
}

export const tokenBodySchema = z.object({ access_token: z.string() });

/** GET + JSON for routes expected to succeed; fails loudly otherwise. */
export async function apiJson(fake: FakeHalo, pathAndQuery: string, token: string): Promise<unknown> {
  const response = await apiGet(fake, pathAndQuery, token);
  if (response.status !== 200) throw new Error(`${pathAndQuery} answered ${response.status}`);
  return response.json();
}

export const clientPageSchema = z.object({
  page_no: z.number().optional(),
  page_size: z.number().optional(),
  record_count: z.number(),
  clients: z.array(
    z.object({ id: z.number(), name: z.string(), inactive: z.boolean(), toplevel_id: z.number() }),
  ),
});
export type ClientPage = z.infer<typeof clientPageSchema>;

export async function clientPage(fake: FakeHalo, query: string, token: string): Promise<ClientPage> {
  return clientPageSchema.parse(await apiJson(fake, `/api/Client${query}`, token));
}

/** A clock tests move by hand. */
export function manualClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
  };
}
