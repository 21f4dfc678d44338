import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small response helpers, so routes read as "answer 401 with this" rather than header plumbing. */

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

export function send(
  res: ServerResponse,
  status: number,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  if (res.writableEnded || res.destroyed) return;
  const payload = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': payload.length });
  res.end(payload);
}

/** The 404 page IIS serves for a path nothing handles: HTML, not JSON. */
export const IIS_NOT_FOUND_HTML = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
<title>404 - File or directory not found.</title>
</head>
<body>
<div id="header"><h1>Server Error</h1></div>
<div id="content">
 <div class="content-container"><fieldset>
  <h2>404 - File or directory not found.</h2>
  <h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3>
 </fieldset></div>
</div>
</body>
</html>
`;

/** What a reverse proxy in front of Halo answers when Halo itself is down. */
export const PROXY_BAD_GATEWAY_HTML = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

export function sendNotFoundHtml(res: ServerResponse): void {
  send(res, 404, IIS_NOT_FOUND_HTML, 'text/html');
}

/** The whole request body as text (token requests are tiny; anything over 1 MiB is refused). */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > 1_048_576) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
