// Types for check-packed-natives.mjs (used by electron-builder as afterPack, and by the packaging test).
export interface NativeArchitecture {
  format: 'elf' | 'mach-o' | 'pe';
  arch: string;
}
export function nativeArchitecture(bytes: Buffer): NativeArchitecture | null;
export function checkPackedNatives(appOutDir: string, platform: string, arch: string): string[];
export default function afterPack(context: {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
}): Promise<void>;
