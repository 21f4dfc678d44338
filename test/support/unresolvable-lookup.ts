import type { LookupFunction } from 'node:net';

export interface UnresolvableResolver {
  /** Answers every name as getaddrinfo answers a name that does not exist: ENOTFOUND, at once. */
  lookup: LookupFunction;
  /** The names the client asked for, in order. */
  asked: string[];
}

/**
 * A resolver for the `dns` classification tests. Real DNS decides how fast a `.invalid` name fails:
 * a slow or unreachable resolver takes longer than the client's timeout and the error becomes
 * `timeout`. The client takes a `lookup` function (the socket layer calls it), so the tests give it one
 * that fails the way Node's own resolver does, with the same error fields.
 */
export function unresolvableResolver(): UnresolvableResolver {
  const asked: string[] = [];
  const lookup: LookupFunction = (hostname, _options, callback) => {
    asked.push(hostname);
    const error: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
      code: 'ENOTFOUND',
      syscall: 'getaddrinfo',
      hostname,
    });
    // asynchronously, like dns.lookup: a callback before connect() returns is not what sockets expect
    process.nextTick(() => callback(error, ''));
  };
  return { lookup, asked };
}
