#!/usr/bin/env node
// Serves the self-check page: www/ at /, the built package pkg/ at /pkg/.
// Static files only, loopback only. `node scripts/serve.mjs [port]`
// (default 8080). Tests import startServer() and use a free port.
// Every response carries SECURITY_HEADERS: the production headers that
// docs/self-check.md "Headers" documents (the page needs nothing looser).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
};

/**
 * The headers the self-check page is served with (here and, documented in
 * docs/self-check.md, in production): a CSP that allows only this origin's
 * scripts, styles, images (plus the `data:` favicon) and fetches, wasm
 * compilation, no plugins, no <base>, forms posting only here, no framing;
 * framing refused for old browsers too; no Referer sent off the page.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Maps a URL path to a file under www/ or pkg/, refusing anything outside. */
function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const [base, rest] = path.startsWith('/pkg/') ? ['pkg', path.slice(5)] : ['www', path.slice(1)];
  const dir = join(ROOT, base);
  const file = normalize(join(dir, rest || 'index.html'));
  return file.startsWith(dir + sep) || file === dir ? file : null;
}

/**
 * Starts the server. SECURITY_HEADERS and then `headers` are added to every
 * response (`headers` overrides one by name; a value of null drops it); `block` is a list of path prefixes answered
 * with 404 (tests use it to simulate a wasm that fails to load); `gzip`
 * compresses responses (level 9, as scripts/size counts) for clients that
 * accept it, as a CDN would (the load benchmark uses it).
 */
export function startServer({ port = 8080, host = '127.0.0.1', headers = {}, block = [], gzip = false } = {}) {
  headers = Object.fromEntries(Object.entries({ ...SECURITY_HEADERS, ...headers }).filter(([, v]) => v != null));
  const server = createServer(async (req, res) => {
    const url = req.url || '/';
    let file = fileFor(url);
    if (file && !block.some((b) => url.startsWith(b))) {
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        let body = await readFile(file);
        const zip = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
        if (zip) body = gzipSync(body, { level: 9 });
        res.writeHead(200, {
          ...(zip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
          'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
          'Cache-Control': 'no-store',
          ...headers,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      } catch {
        // fall through to 404
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end('not found\n');
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] || process.env.PORT || 8080);
  const server = await startServer({ port });
  const { port: actual } = server.address();
  console.log(`beian-check self-check page: http://127.0.0.1:${actual}/  (Ctrl-C to stop)`);
}
