// electron-builder `afterPack` hook: every native module packed (*.node in app.asar.unpacked) must be built
// for the target's platform and architecture, read from the binary's own header (ELF, Mach-O, PE).
//
// Why: with npmRebuild off, electron-builder packs node_modules as they are on the build machine. keytar's
// binary is whatever `npm ci` put there for the machine's own architecture, so building the x64 DMG on an
// arm64 Mac would ship an arm64 keytar.node that fails to load on Intel Macs. This stops such a build with
// a message that says what to do, instead of shipping an app that cannot reach the keychain.
import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';

// electron-builder's Arch enum.
const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

/** `{ format, arch }` of a native binary from its first bytes, or null when it is none of the three. */
export function nativeArchitecture(bytes) {
  if (bytes.length >= 20 && bytes[0] === 0x7f && bytes.toString('latin1', 1, 4) === 'ELF') {
    const machine = bytes.readUInt16LE(18);
    return {
      format: 'elf',
      arch: { 62: 'x64', 183: 'arm64', 3: 'ia32', 40: 'armv7l' }[machine] ?? `machine-${machine}`,
    };
  }
  if (bytes.length >= 8 && bytes.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = bytes.readUInt32LE(4);
    return { format: 'mach-o', arch: { 16777223: 'x64', 16777228: 'arm64' }[cpu] ?? `cpu-${cpu}` };
  }
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xcafebabe)
    return { format: 'mach-o', arch: 'universal' };
  if (bytes.length >= 64 && bytes.toString('latin1', 0, 2) === 'MZ') {
    const peOffset = bytes.readUInt32LE(0x3c);
    if (bytes.length >= peOffset + 6 && bytes.toString('latin1', peOffset, peOffset + 4) === 'PE\0\0') {
      const machine = bytes.readUInt16LE(peOffset + 4);
      return {
        format: 'pe',
        arch: { 34404: 'x64', 43620: 'arm64', 332: 'ia32' }[machine] ?? `machine-${machine}`,
      };
    }
  }
  return null;
}

const FORMAT_OF_PLATFORM = { linux: 'elf', darwin: 'mach-o', mas: 'mach-o', win32: 'pe' };

function readHead(file) {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function findFiles(dir, accept, depth = 0) {
  if (depth > 12 || !existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(full, accept, depth + 1);
    return accept(full) ? [full] : [];
  });
}

/** The problems with the packed natives under `appOutDir`, as sentences; empty when all is well. */
export function checkPackedNatives(appOutDir, platform, arch) {
  const unpacked = findFiles(
    appOutDir,
    (file) => file.endsWith('.node') && file.includes('app.asar.unpacked'),
  );
  const problems = [];
  for (const file of unpacked) {
    const found = nativeArchitecture(readHead(file));
    const name = path.relative(appOutDir, file);
    if (!found) problems.push(`${name} is not a native binary`);
    else if (found.format !== FORMAT_OF_PLATFORM[platform])
      problems.push(`${name} is a ${found.format} binary, but the target is ${platform}`);
    else if (found.arch !== arch && found.arch !== 'universal')
      problems.push(
        `${name} is built for ${found.arch}, but the target is ${arch}: build the ${arch} installer on a ${arch} machine (or runner), where npm ci installs ${arch} binaries`,
      );
  }
  if (!unpacked.some((file) => file.endsWith('keytar.node')))
    problems.push('keytar.node is missing from app.asar.unpacked');
  return problems;
}

export default async function afterPack(context) {
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const problems = checkPackedNatives(context.appOutDir, context.electronPlatformName, arch);
  if (problems.length > 0)
    throw new Error(`Native modules do not fit the target:\n- ${problems.join('\n- ')}`);
}
