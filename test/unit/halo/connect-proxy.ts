import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A tiny HTTP CONNECT proxy on 127.0.0.1 for tests: it tunnels to 127.0.0.1 at the requested port
 * (whatever hostname was asked for, since tests never reach any other address), records every CONNECT
 * target, and can be told to refuse tunnels.
 */
export interface TestProxy {
  url: string;
  port: number;
  connects: string[];
  refuseWith: number | null;
  stop(): Promise<void>;
}

export async function startConnectProxy(): Promise<TestProxy> {
  const sockets = new Set<Socket>();
  const proxy: TestProxy = {
    url: '',
    port: 0,
    connects: [],
    refuseWith: null,
    stop: () => Promise.resolve(),
  };
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.off('data', onData);
      const requestLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
      const match = /^CONNECT (\S+):(\d+) HTTP\/1\.[01]$/.exec(requestLine);
      if (match === null) {
        client.end('HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      proxy.connects.push(`${match[1]}:${match[2]}`);
      if (proxy.refuseWith !== null) {
        client.end(`HTTP/1.1 ${proxy.refuseWith} Refused By Test Proxy\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      const upstream = connect(Number(match[2]), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        const rest = head.subarray(end + 4);
        if (rest.length > 0) upstream.write(rest);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.port = typeof address === 'object' && address !== null ? address.port : 0;
  proxy.url = `http://127.0.0.1:${proxy.port}`;
  proxy.stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
