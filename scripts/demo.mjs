#!/usr/bin/env node
// `npm run demo`: starts a fake Halo on this machine (HTTPS with its own CA, a few hundred customers),
// then the app in development mode with a "Sandbox (demo)" instance configured against it. The demo keeps
// its data in a temporary folder of its own. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const fake = spawn(npx, ['tsx', 'test/fake-halo/cli.ts', '--clients', '412', '--tls'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  shell: process.platform === 'win32',
});
fake.on('exit', (code) => {
  if (code) {
    console.error(`The fake Halo stopped (exit ${code}).`);
    process.exit(code);
  }
});

const firstLine = await new Promise((resolve) =>
  createInterface({ input: fake.stdout }).once('line', resolve),
);
const info = JSON.parse(firstLine);
console.log(`Fake Halo listening at ${info.url} (412 customers). Starting Halo Setup…`);

const app = spawn(npx, ['electron-vite', 'dev'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: {
    ...process.env,
    HALO_SETUP_DEMO: JSON.stringify({
      host: info.host,
      clientId: info.clientId,
      clientSecret: info.clientSecret,
      caPem: info.caPem,
    }),
  },
});
const stop = () => {
  app.kill();
  fake.kill();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
app.on('exit', (code) => {
  fake.kill();
  process.exit(code ?? 0);
});
