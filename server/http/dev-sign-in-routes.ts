import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { unstorableCharacter } from '../access/unstorable-character.js';
import { ErrorCode } from '../domain-error.js';

/** Someone a developer can sign in as without a password, as the sign-in page lists them. */
export interface DevPersona {
  userName: string;
  name: string;
  description: string;
}

export interface DevSignInRouteOptions {
  /** Asked per request: the routes vanish (404) the moment an OIDC provider is configured. */
  enabled: () => boolean;
  personas: () => Promise<DevPersona[]>;
  /** A token for that user, or null when the user may not sign in (unknown, inactive, not approved). */
  signIn: (userName: string) => Promise<string | null>;
}

/** The header and field that mark every answer of these routes, so nobody mistakes them for real sign-in. */
export const DEV_SIGN_IN_HEADER = 'X-Atrium-Dev-Sign-In';
const DEV_ONLY = 'development only';

function errorBody(message: string, code: ErrorCode) {
  return { errors: [{ message, extensions: { code } }], developmentOnly: true };
}

/**
 * Password-less sign-in for development: `GET /auth/dev/personas` lists who one can be,
 * `POST /auth/dev/sign-in` with `{ "userName": "…" }` answers `{ "token": "…" }`.
 */
export function devSignInRoutes(opts: DevSignInRouteOptions): Router {
  const router = express.Router();
  router.use('/auth/dev', (_req: Request, res: Response, next: NextFunction) => {
    // Not 403: with a real provider configured these routes do not exist, and saying so invites no probing.
    if (!opts.enabled()) return res.status(404).json({ errors: [{ message: 'development sign-in is off on this server', extensions: { code: ErrorCode.NOT_FOUND } }] });
    res.set(DEV_SIGN_IN_HEADER, DEV_ONLY).set('Cache-Control', 'no-store');
    next();
  });

  router.get('/auth/dev/personas', async (_req, res) => {
    res.json({ developmentOnly: true, personas: await opts.personas() });
  });

  // Parses its own small body so it works wherever it is mounted; a body parsed earlier is left as it is.
  router.post('/auth/dev/sign-in', express.json({ limit: '4kb' }), async (req, res) => {
    const userName = (req.body as { userName?: unknown } | undefined)?.userName;
    if (typeof userName !== 'string' || !userName.trim()) {
      return res.status(400).json(errorBody('send a JSON body {"userName": "<user name>"} with Content-Type: application/json', ErrorCode.BAD_USER_INPUT));
    }
    // Looked up in the database next: a NUL there is a server error, not an unknown user.
    const bad = unstorableCharacter(userName);
    if (bad) return res.status(400).json(errorBody(`the user name contains ${bad}; send the user name as it is written, without control characters`, ErrorCode.BAD_USER_INPUT));
    const token = await opts.signIn(userName.trim());
    if (token === null) {
      return res.status(403).json(errorBody(`"${userName.trim()}" cannot sign in: there is no active, approved user with that user name`, ErrorCode.FORBIDDEN));
    }
    return res.json({ developmentOnly: true, token });
  });

  return router;
}
