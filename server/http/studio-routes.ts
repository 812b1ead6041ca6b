import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';

/**
 * What the studio and the explorer read from `GET /studio/config.json`.
 * studio/src/config/load-studio-config.ts repeats this shape on the browser side.
 */
export interface StudioConfig {
  /** GraphQL over HTTP endpoint as the browser should call it, e.g. `/graphql`. */
  endpoint: string;
  /** graphql-ws URL (absolute, or a path the browser turns into ws/wss), or null without subscriptions. */
  subscriptionEndpoint: string | null;
  /** Default headers for every operation; in development a bearer token so newcomers are signed in. */
  headers: Record<string, string>;
  /** Development sign-in is on: the apps offer "sign in as" a persona (off when an identity provider is configured). */
  devSignIn?: boolean;
}

export interface StudioRouterOptions {
  /** The vite build output, normally {@link STUDIO_DIST_DIR}. */
  distDir: string;
  /** Called per request, so a rotated development token is picked up without a restart. */
  config: () => StudioConfig;
}

/** Where `npm run build` writes the studio; the build's `base` is `/studio/`. */
export const STUDIO_DIST_DIR = fileURLToPath(new URL('../../studio/dist/', import.meta.url));

/** Thrown by {@link explorerHtml} when the studio has not been built. */
export class StudioNotBuiltError extends Error {
  constructor(readonly distDir: string) {
    super(notBuiltMessage(distDir));
    this.name = 'StudioNotBuiltError';
  }
}

// Vite puts every content-hashed file under assets/; a new build gets new names, so these never go stale.
const HASHED_ASSETS = 'public, max-age=31536000, immutable';
// HTML names stay the same across builds and point at the current hashes: always revalidate.
const REVALIDATE = 'no-cache';

/**
 * Serves the built studio: `/studio/` (studio shell), `/studio/explorer.html` (GraphiQL),
 * `/studio/assets/…` (hashed, cached for a year) and `/studio/config.json` (never cached,
 * it may carry a token). Mount it at the application root: the paths are baked into the build.
 *
 * Whether the build exists is checked per request, so running `npm run build` fixes a
 * running server; until then every studio page answers 503 with instructions.
 */
export function studioRouter(options: StudioRouterOptions): Router {
  const { distDir, config } = options;
  const router = express.Router();
  const serveBuild = express.static(distDir, {
    index: 'index.html',
    // "/studio/explorer" works as well as "/studio/explorer.html".
    extensions: ['html'],
    redirect: false,
    setHeaders: (res, filePath) => {
      res.setHeader('Cache-Control', isHashedAsset(distDir, filePath) ? HASHED_ASSETS : REVALIDATE);
      res.setHeader('X-Content-Type-Options', 'nosniff');
    },
  });

  router.get('/studio/config.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(config());
  });

  // The studio's JavaScript and CSS travel compressed (gzip or deflate, as the browser asks): its first screen is
  // ~260 KB gzipped instead of ~1 MB. GraphQL responses are left alone (that CPU belongs to queries).
  router.use('/studio', compression());
  router.use('/studio', async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // Relative URLs on the page resolve against the directory, so "/studio" must become "/studio/".
    const url = new URL(req.originalUrl, 'http://localhost');
    if (req.path === '/' && !url.pathname.endsWith('/')) return res.redirect(301, `${req.baseUrl}/${url.search}`);
    if (!(await isBuilt(distDir, 'index.html'))) return sendNotBuilt(res, distDir);
    serveBuild(req, res, () => {
      // The studio routes in the browser: a deep link (/studio/forms/incident) gets the shell, which reads the path.
      // Anything that looks like a file (a dot in its last segment) or lies under assets/ stays a 404.
      if (req.path.startsWith('/assets/') || /\.[^/]*$/.test(req.path)) return next();
      res.sendFile(path.join(distDir, 'index.html'), { headers: { 'Cache-Control': REVALIDATE, 'X-Content-Type-Options': 'nosniff' } });
    });
  });

  return router;
}

/**
 * Handler for `GET /graphql`: when the caller is a browser (Accept prefers text/html over
 * JSON) it answers with the explorer page; every other request falls through to the GraphQL
 * server via `next()`. Install it before the GraphQL middleware, with that middleware's own
 * landing page disabled.
 */
export function serveExplorer(distDir: string): RequestHandler {
  return async (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !prefersHtml(req)) return next();
    let html: string;
    try {
      html = await explorerHtml(distDir);
    } catch (error) {
      if (error instanceof StudioNotBuiltError) return sendNotBuilt(res, distDir);
      throw error;
    }
    res
      .status(200)
      .type('html')
      .set({ 'Cache-Control': REVALIDATE, 'X-Content-Type-Options': 'nosniff', Vary: 'Accept' })
      .send(html);
  };
}

/**
 * The built explorer page. Its asset URLs are absolute (`/studio/assets/…`), so it works
 * served from any path. Rejects with {@link StudioNotBuiltError} when the build is missing.
 */
export async function explorerHtml(distDir: string): Promise<string> {
  try {
    return await readFile(path.join(distDir, 'explorer.html'), 'utf8');
  } catch (error) {
    if (isMissingFile(error)) throw new StudioNotBuiltError(distDir);
    throw error;
  }
}

function prefersHtml(req: Request): boolean {
  // JSON types come first so that "*/*", a missing Accept header and ties all pick GraphQL.
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

function isHashedAsset(distDir: string, filePath: string): boolean {
  const relative = path.relative(distDir, filePath);
  return relative.startsWith(`assets${path.sep}`);
}

async function isBuilt(distDir: string, file: string): Promise<boolean> {
  try {
    return (await stat(path.join(distDir, file))).isFile();
  } catch (error) {
    if (isMissingFile(error)) return false;
    throw error;
  }
}

function isMissingFile(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function sendNotBuilt(res: Response, distDir: string): void {
  res.status(503).type('text/plain').set('Cache-Control', 'no-store').send(notBuiltMessage(distDir));
}

function notBuiltMessage(distDir: string): string {
  return (
    `Atrium Studio has not been built: nothing to serve in ${distDir}.\n` +
    'Run `npm run build` in the Atrium checkout, then reload this page.\n'
  );
}
