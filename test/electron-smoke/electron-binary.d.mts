// Types for electron-binary.mjs.
export function findElectronBinary(
  root: string,
): { path: string; version: string } | { reason: string; path?: undefined };
