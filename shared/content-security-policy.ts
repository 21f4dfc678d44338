/**
 * The renderer's Content-Security-Policy. Production is strict: only the app's own files, no inline
 * scripts, no remote anything. Development adds what Vite's dev server needs (inline React Refresh
 * preamble, its websocket, inline <style> for hot CSS).
 */
export function contentSecurityPolicy(mode: 'production' | 'development'): string {
  const production = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ];
  if (mode === 'production') return production.join('; ');
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self' ws: http://localhost:*",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}
