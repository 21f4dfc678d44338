import { connect, createServer, type Server, type Socket } from 'node:net';

export interface HeldPort {
  /** A port on 127.0.0.1 that nothing listens on unless the test starts a server on it explicitly. */
  port: number;
  /** Lets the port go (at the end of the test). */
  release(): Promise<void>;
}

function once(target: Server | Socket, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    target.once(event, () => resolve());
    target.once('error', reject);
  });
}

/**
 * Keeps a loopback port bound, but not listening, for as long as a test needs it: a socket bound to it is
 * connected to a throwaway anchor server. A fake Halo can then be started on that port (its `port` option),
 * stopped and started again, or left stopped so that connecting gives "connection refused", without a
 * server elsewhere on the machine (another vitest worker) being handed the port in between: the kernel never
 * gives a bound port to anyone asking for a free one (port 0). Starting a server on the port explicitly
 * still works, because Node binds every TCP socket with SO_REUSEADDR and the held socket is not listening
 * (Linux semantics, which CI runs).
 *
 * macOS and Windows refuse a second bind to a port that a connected socket holds, so there the port is
 * only picked free and let go: the old, very small chance that another worker takes it in between.
 */
export async function holdPort(): Promise<HeldPort> {
  return process.platform === 'linux' ? holdPortBound() : pickFreePort();
}

async function pickFreePort(): Promise<HeldPort> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  if (address === null || typeof address === 'string') throw new Error('the probe server has no port');
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return { port: address.port, release: async () => {} };
}

async function holdPortBound(): Promise<HeldPort> {
  const accepted = new Set<Socket>();
  const anchor = createServer((socket) => {
    accepted.add(socket);
    socket.on('error', () => {});
  });
  anchor.listen(0, '127.0.0.1');
  await once(anchor, 'listening');
  const address = anchor.address();
  if (address === null || typeof address === 'string') throw new Error('the anchor server has no port');
  // localPort 0 with a localAddress makes Node bind() before connecting: the port is then reserved like
  // any bound port, not merely used as the source of one connection.
  const holder = connect({ host: '127.0.0.1', port: address.port, localAddress: '127.0.0.1', localPort: 0 });
  await once(holder, 'connect');
  holder.on('error', () => {});
  const port = holder.localPort;
  if (port === undefined) throw new Error('the holding socket has no local port');
  return {
    port,
    async release() {
      holder.destroy();
      for (const socket of accepted) socket.destroy();
      await new Promise<void>((resolve) => anchor.close(() => resolve()));
    },
  };
}
