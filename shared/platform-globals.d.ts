/**
 * The only platform globals code in shared/ may use: web-platform APIs that browsers and Node (18+) both
 * have, declared as narrowly as shared/ uses them. tsconfig.shared.json compiles shared/ with neither the
 * DOM nor Node's types and this file only, so a `document`, `window`, `process` or `Buffer` there is a
 * compile error. Add a member here only if both sides really have it.
 */
declare function atob(data: string): string;
declare function btoa(data: string): string;

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class URLSearchParams {
  constructor(init?: Record<string, string>);
  toString(): string;
}

declare class URL {
  constructor(url: string, base?: string);
  readonly hostname: string;
}
