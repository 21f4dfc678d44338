/**
 * Runs a fake Halo from the command line, for the demo sandbox and for poking at it by hand:
 *
 *   npx tsx test/fake-halo/cli.ts --clients 300 --port 0 [--tls] [--tenant acme --tenant-mode required]
 *
 * Prints one JSON line on stdout ({ url, host, port, clientId, clientSecret, tenant, caPem }) once it
 * listens, then serves until SIGTERM or SIGINT. Errors go to stderr with a non-zero exit code.
 * (tsx rather than Node's own type stripping, because the fake's imports have no .ts extensions.)
 */
import { parseArgs } from 'node:util';
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  type FakeHaloOptions,
  type FakeTopLevelShape,
  startFakeHalo,
} from './index';

const USAGE = `Usage: tsx test/fake-halo/cli.ts [options]
  --clients N            seeded clients (default 300)
  --seed N               seed for the client names (default 1)
  --inactive-share X     fraction of inactive clients (default 0.05)
  --port N               port on 127.0.0.1 (default 0: a random free port)
  --tls                  serve HTTPS with a generated CA (printed as caPem)
  --tenant NAME          tenant name for token requests
  --tenant-mode MODE     optional | required (default optional)
  --latency MS           added to every answer (default 0)
  --rate-limit N         requests per window (default 300); 0 turns the limit off
  --rate-window-ms MS    rolling window (default 300000)
  --retry-after          send Retry-After on 429
  --page-cap N           silent page cap (default 100)
  --top-level-shape S    array | wrapper | toplevels-wrapper (default array)`;

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new Error(`--${name} must be a whole number, got "${value}"`);
  return number;
}

function optionsFromArgs(args: string[]): FakeHaloOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      clients: { type: 'string' },
      seed: { type: 'string' },
      'inactive-share': { type: 'string' },
      port: { type: 'string' },
      tls: { type: 'boolean' },
      tenant: { type: 'string' },
      'tenant-mode': { type: 'string' },
      latency: { type: 'string' },
      'rate-limit': { type: 'string' },
      'rate-window-ms': { type: 'string' },
      'retry-after': { type: 'boolean' },
      'page-cap': { type: 'string' },
      'top-level-shape': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const mode = values['tenant-mode'] ?? 'optional';
  if (mode !== 'optional' && mode !== 'required')
    throw new Error(`--tenant-mode must be optional or required`);
  const shape = values['top-level-shape'] ?? 'array';
  if (shape !== 'array' && shape !== 'wrapper' && shape !== 'toplevels-wrapper') {
    throw new Error('--top-level-shape must be array, wrapper or toplevels-wrapper');
  }
  const topLevelShape: FakeTopLevelShape = shape;
  const limit = wholeNumber('rate-limit', values['rate-limit']) ?? 300;
  const inactiveShare = values['inactive-share'] === undefined ? undefined : Number(values['inactive-share']);
  if (inactiveShare !== undefined && !(inactiveShare >= 0 && inactiveShare <= 1)) {
    throw new Error('--inactive-share must be between 0 and 1');
  }
  return {
    clients: wholeNumber('clients', values.clients) ?? 300,
    seed: wholeNumber('seed', values.seed),
    inactiveShare,
    port: wholeNumber('port', values.port),
    tls: values.tls ?? false,
    tenant: values.tenant === undefined ? undefined : { name: values.tenant, mode },
    latencyMs: wholeNumber('latency', values.latency),
    rateLimit:
      limit === 0
        ? false
        : {
            limit,
            windowMs: wholeNumber('rate-window-ms', values['rate-window-ms']) ?? 300_000,
            sendRetryAfter: values['retry-after'] ?? false,
          },
    pageCap: wholeNumber('page-cap', values['page-cap']),
    topLevelShape,
  };
}

async function main(): Promise<void> {
  const options = optionsFromArgs(process.argv.slice(2));
  const fake = await startFakeHalo(options);
  process.stdout.write(
    `${JSON.stringify({
      url: fake.url,
      host: fake.host,
      port: fake.port,
      clientId: FAKE_CLIENT_ID,
      clientSecret: FAKE_CLIENT_SECRET,
      tenant: options.tenant?.name ?? null,
      caPem: fake.caPem,
    })}\n`,
  );
  const shutDown = () => {
    fake.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
}

main().catch((error: unknown) => {
  process.stderr.write(`fake-halo: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(2);
});
