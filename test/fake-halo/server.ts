import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ClientDirectory } from './client-directory';
import {
  DEFAULT_CLIENT_COUNT,
  DEFAULT_RATE_LIMIT,
  DEFAULT_TEAMS,
  defaultAgent,
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
} from './defaults';
import { FaultQueue } from './fault-queue';
import { sendJson } from './http-io';
import { RollingWindowLimiter } from './rate-limiter';
import { handleRequest } from './request-handler';
import { generateClients } from './seed-data';
import { Sleeper } from './sleeper';
import { emptyStats, type FakeState } from './state';
import { tlsCredentials } from './tls-certs';
import { TokenStore } from './token-store';
import type { FakeClientRow, FakeHalo, FakeHaloOptions, FakeHaloRuntimeSettings } from './types';

/** Only loopback: tests never talk to any other address. */
const LISTEN_HOST = '127.0.0.1';

function limiterFor(rateLimit: FakeHaloOptions['rateLimit'], now: () => number): RollingWindowLimiter | null {
  if (rateLimit === false) return null;
  return new RollingWindowLimiter({ ...DEFAULT_RATE_LIMIT, ...rateLimit }, now);
}

function initialRows(options: FakeHaloOptions): FakeClientRow[] {
  const clients = options.clients ?? DEFAULT_CLIENT_COUNT;
  if (Array.isArray(clients)) return clients;
  if (!Number.isInteger(clients) || clients < 0)
    throw new Error(`clients must be a whole number, got ${clients}`);
  return generateClients({
    count: clients,
    seed: options.seed ?? 1,
    inactiveShare: options.inactiveShare ?? 0.05,
  });
}

async function createServer(
  options: FakeHaloOptions,
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; caPem: string | null }> {
  if (!options.tls) return { server: createHttpServer(listener), caPem: null };
  const hostnames = options.tlsHostnames ?? ['localhost', '127.0.0.1'];
  const credentials = await tlsCredentials(hostnames, options.tlsExpired ?? false);
  const server = createHttpsServer({ key: credentials.keyPem, cert: credentials.certPem }, listener);
  return { server, caPem: credentials.caPem };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LISTEN_HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts a fake Halo on 127.0.0.1 at a random port. See index.ts for the behaviour it reproduces. */
export async function startFakeHalo(options: FakeHaloOptions = {}): Promise<FakeHalo> {
  const now = options.now ?? Date.now;
  const teams = options.teams ?? DEFAULT_TEAMS;
  const state: FakeState = {
    baseUrl: '',
    credentials: options.credentials ?? { clientId: FAKE_CLIENT_ID, clientSecret: FAKE_CLIENT_SECRET },
    tenant: options.tenant,
    pageCap: options.pageCap ?? 100,
    agent: options.agent ?? defaultAgent(teams),
    teams,
    topLevelShape: options.topLevelShape ?? 'array',
    grantedScope: options.grantedScope,
    refuseUngrantedScope: options.refuseUngrantedScope ?? false,
    tokens: new TokenStore(now),
    directory: new ClientDirectory(initialRows(options)),
    faults: new FaultQueue(),
    stats: emptyStats(),
    limiter: limiterFor(options.rateLimit, now),
    settings: {
      latencyMs: options.latencyMs ?? 0,
      lyingRecordCount: null,
      shiftRowsDuringPaging: false,
      tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    },
  };
  const sleeper = new Sleeper();

  const { server, caPem } = await createServer(options, (req, res) => {
    handleRequest(req, res, state, sleeper).catch((error: unknown) => {
      // A bug in the fake must show up as a loud 500, never as a hang.
      if (!res.headersSent) {
        sendJson(res, 500, { ClassName: 'FakeHaloError', Message: String(error) });
      } else res.destroy();
    });
  });
  const port = await listen(server, options.port ?? 0);
  const hostname = options.tls ? 'localhost' : LISTEN_HOST;
  const host = `${hostname}:${port}`;
  const url = `${options.tls ? 'https' : 'http'}://${host}`;
  state.baseUrl = url;

  let stopping: Promise<void> | undefined;

  return {
    url,
    host,
    port,
    caPem,
    stats: state.stats,
    resetStats() {
      const stats = state.stats;
      stats.requests = 0;
      stats.tokenRequests = 0;
      stats.apiRequests = 0;
      stats.rateLimited = 0;
      // Cleared in place, so references a test holds stay live.
      for (const key of Object.keys(stats.byPath)) delete stats.byPath[key];
      for (const key of Object.keys(stats.clientIdsServed)) delete stats.clientIdsServed[Number(key)];
    },
    injectFault(pathMatch, fault, times = 1) {
      state.faults.add(pathMatch, fault, times);
    },
    configure(patch: Partial<FakeHaloRuntimeSettings>) {
      const settings = state.settings;
      if (patch.latencyMs !== undefined) settings.latencyMs = patch.latencyMs;
      if (patch.lyingRecordCount !== undefined) settings.lyingRecordCount = patch.lyingRecordCount;
      if (patch.shiftRowsDuringPaging !== undefined)
        settings.shiftRowsDuringPaging = patch.shiftRowsDuringPaging;
      if (patch.tokenLifetimeSeconds !== undefined)
        settings.tokenLifetimeSeconds = patch.tokenLifetimeSeconds;
      // A new limit starts with an empty window.
      if (patch.rateLimit !== undefined) state.limiter = limiterFor(patch.rateLimit, now);
    },
    expireAllTokens() {
      state.tokens.expireAll();
    },
    clients() {
      return state.directory.all();
    },
    setClients(rows) {
      state.directory.replace(rows);
    },
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        sleeper.stopAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
