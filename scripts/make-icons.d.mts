// Types for make-icons.mjs (run by `npm run icons`, and by the icon test).
export const SOURCE: string;
export const LINUX_SIZES: number[];
export function makeIcons(outDir: string): string[];
