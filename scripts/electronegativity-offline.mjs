// Loaded with `node --import` before @doyensec/electronegativity (see scripts/audit-electron.mjs), to make
// the scanner run offline and on this project's toolchain, without patching node_modules:
//
// 1. The scanner's TypeScript parser (@typescript-eslint/typescript-estree 4) needs TypeScript's JavaScript
//    API. npm hoists it next to this project's TypeScript 7 (the native compiler, which has no such API),
//    so `require('typescript')` is sent to the TypeScript 4 that electronegativity installs for itself.
// 2. At start the scanner fetches updated translations with `got`. Offline (CI here) that request fails,
//    and got 11's retry then crashes on Node 24 ("onCancel handler was attached after the promise
//    settled"). The English texts ship with the package, so the fetch is answered "unavailable" at once.
// 3. The scanner writes its CSV report with two fs.writeFile calls started back to back: the header (flag
//    'w') and then the rows (flag 'a'). They race on libuv's thread pool: when the rows land first, the
//    header's truncate either drops them (an empty report that looks clean) or its write overwrites their
//    start (a corrupt report: a CI run failed on "Invalid Opening Quote ... lf'; script-src"). Writes of a
//    .csv file are therefore done synchronously, in the order they were called.
import fs from 'node:fs';
import { registerHooks } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const scannerDir = path.join(root, 'node_modules', '@doyensec', 'electronegativity');
const typescript4 = pathToFileURL(
  path.join(scannerDir, 'node_modules', 'typescript', 'lib', 'typescript.js'),
).href;
const offlineGot = 'halo-setup-offline:got';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL ?? '';
    if (specifier === 'typescript' && /@typescript-eslint|tsutils/.test(parent)) {
      return { url: typescript4, format: 'commonjs', shortCircuit: true };
    }
    if (specifier === 'got' && parent.includes('/electronegativity/dist/')) {
      return { url: offlineGot, format: 'commonjs', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (url === offlineGot) {
      return {
        format: 'commonjs',
        source:
          "module.exports = () => Promise.reject(new Error('offline: using the bundled translations'));",
        shortCircuit: true,
      };
    }
    return nextLoad(url, context);
  },
});

const writeFileAsync = fs.writeFile;
fs.writeFile = function writeFileInCallOrder(file, data, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  if (typeof file !== 'string' || !file.endsWith('.csv') || typeof done !== 'function') {
    return Reflect.apply(writeFileAsync, fs, [file, data, options, callback]);
  }
  let failure = null;
  try {
    fs.writeFileSync(file, data, typeof options === 'function' ? undefined : options);
  } catch (error) {
    failure = error;
  }
  process.nextTick(done, failure);
};
