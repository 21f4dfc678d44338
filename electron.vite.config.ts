import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './shared/content-security-policy';

/**
 * Puts the Content-Security-Policy into index.html: the strict one in a build, a relaxed one in dev
 * (Vite's dev server needs inline scripts for React Refresh and a websocket for hot reload).
 */
function contentSecurityPolicyPlugin(): Plugin {
  let isBuild = true;
  return {
    name: 'halo-setup-csp',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    transformIndexHtml(html) {
      const policy = contentSecurityPolicy(isBuild ? 'production' : 'development');
      return html.replace('%CONTENT_SECURITY_POLICY%', policy);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The matcher's worker is its own entry: the backend starts it from beside the main bundle.
      lib: {
        entry: {
          index: resolve('electron/main/index.ts'),
          'suggest-worker': resolve('electron/suggest-worker/suggest-worker.ts'),
        },
      },
      // better-sqlite3 and keytar are native: they stay in node_modules (unpacked beside the asar).
      externalizeDeps: true,
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): one self-contained CommonJS file.
      externalizeDeps: false,
      lib: { entry: resolve('electron/preload/index.ts'), formats: ['cjs'] },
      rollupOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [react(), contentSecurityPolicyPlugin()],
  },
});
