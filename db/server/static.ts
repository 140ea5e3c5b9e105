import fs from 'node:fs';
import path from 'node:path';
import { TOKEN_META_NAME } from '../../shared/rpc-client';
import { isAppRoute, resolveAssetPath } from './asset-path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built renderer. index.html is read once and carries the per-launch token in
 * a meta tag, so the page can call /rpc and nothing else can learn the token from disk.
 */
export function createStaticServer(rendererDir: string, token: string): (pathname: string) => Response {
  const indexFile = path.join(rendererDir, 'index.html');
  let indexHtml: string | null = null;
  const index = (): Response => {
    indexHtml ??= injectToken(fs.readFileSync(indexFile, 'utf8'), token);
    return new Response(indexHtml, { headers: { 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-store' } });
  };

  return (pathname) => {
    const file = resolveAssetPath(rendererDir, pathname);
    if (file === null) return notFound();
    if (file === indexFile) return index();
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) return isAppRoute(pathname) ? index() : notFound();
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    // Vite fingerprints everything under /assets/, so those never change under one name.
    const cache = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return new Response(fs.readFileSync(file), { headers: { 'content-type': type, 'cache-control': cache } });
  };
}

function injectToken(html: string, token: string): string {
  const meta = `<meta name="${TOKEN_META_NAME}" content="${token}">`;
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  return html.replace('</head>', `${meta}</head>`);
}

function notFound(): Response {
  return new Response('未找到 / Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
