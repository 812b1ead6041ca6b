import { GraphQLError } from 'graphql';
import { CloseCode, MessageType, stringifyMessage, type Context } from 'graphql-ws';
import type { Logger } from 'pino';
import type { Extra } from 'graphql-ws/use/ws';
import { DomainError, ErrorCode } from '../domain-error.js';
import type { Actor } from '../graphql/context.js';
import { toGraphQLError } from '../graphql/errors.js';

type WsContext = Context<Record<string, unknown>, Extra>;

/** setTimeout takes at most 2^31-1 ms (~24.8 days); a later expiry is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** The WebSocket protocol allows at most 123 bytes of close reason. */
const MAX_CLOSE_REASON_BYTES = 123;

interface Connection {
  actor: Actor;
  timer: NodeJS.Timeout | null;
  expired: boolean;
}

/** The graphql-ws hooks that keep a WebSocket connection signed in, and end it when its sign-in ends. */
export interface WebSocketAuth {
  onConnect(ctx: WsContext): Promise<boolean>;
  onSubscribe(ctx: WsContext): Promise<readonly GraphQLError[] | void>;
  /** The actor of an acknowledged connection, as its last operation was authenticated. */
  actorOf(ctx: WsContext): Actor | null;
  onClose(ctx: WsContext): void;
}

/**
 * A connection is accepted only with a valid token in `connectionParams.Authorization`; otherwise it is closed
 * at once with 4401 and the reason. 4401 (Unauthorized), not graphql-ws's default 4403: the graphql-ws client
 * treats 4401 as final and hands the close event (code and reason) to every subscriber at once, while it retries
 * 4403 with the same connection parameters, which fails the same way until its retries run out. It is also what
 * the same token gets over HTTP (401).
 *
 * When the token expires, every subscription of the connection gets a GraphQL error with code UNAUTHENTICATED
 * saying so, and the connection is closed with 4401: what was authorised for the token's lifetime does not
 * outlive it. The one timer per connection does not keep the process alive and is cleared when the connection ends.
 */
export function webSocketAuth(authenticate: (header: string | null) => Promise<Actor | null>, log: Logger): WebSocketAuth {
  const connections = new WeakMap<WsContext, Connection>();

  function headerOf(ctx: WsContext): string | null {
    const auth = ctx.connectionParams?.Authorization ?? ctx.connectionParams?.authorization;
    return typeof auth === 'string' ? auth : null;
  }

  function expire(ctx: WsContext, conn: Connection, expiresAt: number): void {
    conn.expired = true;
    conn.timer = null;
    const at = new Date(expiresAt).toISOString();
    const error = { message: `your sign-in expired at ${at}; subscribe again with a new token`, extensions: { code: ErrorCode.UNAUTHENTICATED, expiredAt: at } };
    const { socket } = ctx.extra;
    // Each operation is told why it ends, then the connection closes. Taken out of `subscriptions` first, so
    // graphql-ws neither completes them (they end with the error) nor delivers anything more for them.
    for (const id of Object.keys(ctx.subscriptions)) {
      const sub = ctx.subscriptions[id];
      delete (ctx.subscriptions as Record<string, unknown>)[id];
      socket.send(stringifyMessage({ id, type: MessageType.Error, payload: [error] }));
      if (sub && 'return' in sub && typeof sub.return === 'function') void (sub as AsyncGenerator).return(undefined).catch((err: unknown) => log.warn({ err }, 'ending an expired subscription failed'));
    }
    socket.close(CloseCode.Unauthorized, closeReason(`sign-in expired at ${at}; connect again with a new token`));
  }

  function arm(ctx: WsContext, conn: Connection, expiresAt: number): void {
    const wait = expiresAt - Date.now();
    if (wait <= 0) return expire(ctx, conn, expiresAt);
    conn.timer = setTimeout(() => (wait > MAX_TIMER_MS ? arm(ctx, conn, expiresAt) : expire(ctx, conn, expiresAt)), Math.min(wait, MAX_TIMER_MS));
    conn.timer.unref();
  }

  return {
    async onConnect(ctx) {
      const refuse = (reason: string) => {
        ctx.extra.socket.close(CloseCode.Unauthorized, closeReason(reason));
        // graphql-ws then closes with 4403, which the socket ignores: it is already closing with the reason above.
        return false;
      };
      let actor: Actor | null;
      try {
        actor = await authenticate(headerOf(ctx));
      } catch (err) {
        if (err instanceof DomainError && err.code === ErrorCode.UNAUTHENTICATED) return refuse(err.message);
        throw err;
      }
      if (!actor) return refuse('sign in first: send connectionParams {"Authorization": "Bearer <token>"}');
      const conn: Connection = { actor, timer: null, expired: false };
      connections.set(ctx, conn);
      if (actor.principal.expiresAt !== null) arm(ctx, conn, actor.principal.expiresAt);
      return !conn.expired;
    },

    async onSubscribe(ctx) {
      const conn = connections.get(ctx);
      if (!conn || conn.expired) return [toGraphQLError(new DomainError(ErrorCode.UNAUTHENTICATED, 'this connection is no longer signed in; connect again with a new token'))];
      // Each operation reads the user again (cached), so one deactivated meanwhile is refused.
      try {
        const actor = await authenticate(headerOf(ctx));
        if (actor) conn.actor = actor;
      } catch (err) {
        if (err instanceof DomainError) return [toGraphQLError(err)];
        throw err;
      }
    },

    actorOf(ctx) {
      return connections.get(ctx)?.actor ?? null;
    },

    onClose(ctx) {
      const conn = connections.get(ctx);
      if (conn?.timer) clearTimeout(conn.timer);
      connections.delete(ctx);
    },
  };
}

/** `text` cut to what a close frame carries, on a character boundary. */
function closeReason(text: string): string {
  if (Buffer.byteLength(text) <= MAX_CLOSE_REASON_BYTES) return text;
  let cut = text;
  while (Buffer.byteLength(`${cut}…`) > MAX_CLOSE_REASON_BYTES) cut = cut.slice(0, -1);
  return `${cut}…`;
}
