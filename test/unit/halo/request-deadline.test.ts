import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyTransportError } from '../../../electron/halo/classify-error';
import { createTransport } from '../../../electron/halo/transport';

/**
 * A server that answers at once but drips its body one byte per interval: never idle long enough for
 * axios' `timeout` (an idle timer) to fire, so only a total deadline stops the request.
 */
const DRIP_BYTES = 40;
const DRIP_EVERY_MS = 100;
let server: http.Server;
let url: string;
let bytesSent = 0;
let closedEarly = false;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(DRIP_BYTES) });
    let sent = 0;
    const timer = setInterval(() => {
      if (res.destroyed) return;
      res.write(' ');
      sent += 1;
      bytesSent = sent;
      if (sent === DRIP_BYTES) {
        clearInterval(timer);
        res.end();
      }
    }, DRIP_EVERY_MS);
    res.on('close', () => {
      if (sent < DRIP_BYTES) closedEarly = true;
      clearInterval(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/Client`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('every request has an overall deadline', () => {
  it('a slow-drip answer is cut off at the deadline and classified as a timeout, not a cancel', async () => {
    const timeoutMs = 500; // the drip takes 40 x 100 ms = 4 s, each gap far below the idle limit
    const transport = createTransport({ timeoutMs, caCertificatePem: '', proxy: {}, userAgent: 'test' });
    try {
      const failure: unknown = await transport.send({ method: 'GET', url, headers: {} }).then(
        () => 'resolved',
        (error: unknown) => error,
      );
      expect(failure).not.toBe('resolved');
      const info = classifyTransportError(failure, {
        method: 'GET',
        url,
        purpose: 'api',
        resourceHost: '127.0.0.1',
        tenant: '',
        proxyUrl: null,
        timeoutMs,
        secrets: [],
      });
      expect(info.code).toBe('timeout');
      await new Promise((resolve) => setTimeout(resolve, 2 * DRIP_EVERY_MS));
      expect(closedEarly).toBe(true);
      expect(bytesSent).toBeLessThan(DRIP_BYTES);
    } finally {
      transport.close();
    }
  });
});
