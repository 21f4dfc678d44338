import { z } from 'zod';

/**
 * Every way a conversation with Halo can fail, classified so the screen can say what happened and
 * what to do next. The Halo client maps each transport or HTTP failure to exactly one of these.
 */
export const haloErrorCodeSchema = z.enum([
  'dns', // the hostname resolves nowhere
  'refused', // nothing listens at host:port
  'tls-untrusted', // certificate signed by an unknown CA (private CA not configured)
  'tls-expired', // certificate expired or not yet valid
  'tls-wrong-host', // certificate is for another hostname
  'timeout', // no answer in time
  'proxy', // the HTTPS proxy refused or failed
  'connection-reset', // the connection dropped mid-request
  'invalid-client', // 401 {"error":"invalid_client"} from the token endpoint
  'invalid-tenant', // the auth server refused the tenant
  'invalid-scope', // 400 {"error":"invalid_scope"}: the application lacks the permission asked for
  'missing-scope', // a token was issued, but /api refuses it (scope not "all")
  'unauthorized', // 401 on /api that a token renewal did not cure
  'forbidden', // 403: a permission is missing
  'not-found', // 404: wrong host or path
  'rate-limited', // 429 and retries exhausted
  'server-error', // 5xx
  'not-json', // a body that is not the JSON expected (HTML error page, proxy page, garbage)
  'bad-request', // 400
  'cancelled', // the user cancelled
  'unknown',
]);
export type HaloErrorCode = z.infer<typeof haloErrorCodeSchema>;

/**
 * Failures before any HTTP answer: the host could not be reached or trusted. One list, so the client's
 * "do not retry the token elsewhere" rule and the screen's "working offline" headline cannot drift.
 */
export const unreachableHaloCodes: readonly HaloErrorCode[] = [
  'dns',
  'refused',
  'tls-untrusted',
  'tls-expired',
  'tls-wrong-host',
  'timeout',
  'proxy',
];

export const haloErrorInfoSchema = z.object({
  code: haloErrorCodeSchema,
  /** What happened, in words a technician understands. */
  message: z.string(),
  /** What to do about it. */
  nextStep: z.string(),
  /** The URL that failed (never with secrets), the HTTP status, and similar evidence. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type HaloErrorInfo = z.infer<typeof haloErrorInfoSchema>;
