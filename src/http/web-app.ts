// The web app (web/dist) at /, with every non-API GET falling back to index.html so that the
// client-side router owns those paths; unknown /api paths stay JSON 404s.
//
// Caching: files under /assets/ carry a content hash in their names (Vite), so they never change
// and are cached for a year as immutable; everything else (index.html) is revalidated on each
// visit with its ETag, so a new release is picked up at once. The build writes a .br and a .gz
// beside each compressible file (web/vite.config.ts), served when the browser accepts them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFoundBody } from './error-handler.ts';

export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: true,
    decorateReply: true,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (response, file) => response.setHeader('cache-control', cacheControlFor(path.relative(webRoot, file))),
  });
  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/') && request.url !== '/api';
    if (isPage) return reply.sendFile('index.html');
    return reply.status(404).send(notFoundBody(request.method, request.url));
  });
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** `file` is relative to the web root. */
export function cacheControlFor(file: string): string {
  return file.split(path.sep)[0] === 'assets' ? IMMUTABLE : 'no-cache';
}

/**
 * Scripts and styles come from this server only. The one exception is an inline script the
 * web app's index.html may carry (it sets the theme before first paint): it is allowed by its
 * hash, so no other inline script can run.
 */
export function contentSecurityPolicy(webRoot: string | undefined): Record<string, string[] | null> {
  const inlineScripts = webRoot ? inlineScriptHashes(fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8')) : [];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...inlineScripts],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // Served over plain http on a LAN too, where upgrading every request would break the page.
    upgradeInsecureRequests: null,
  };
}

function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
}
