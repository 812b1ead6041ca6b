import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * `express.json`'s `verify`: a body declared (or defaulted) UTF-8 that is not valid UTF-8 is refused with a 400.
 * Decoding would otherwise replace the bad bytes with U+FFFD and store text the client never sent.
 */
export function refuseInvalidUtf8(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string): void {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(body))
    throw Object.assign(new Error('the request body is not valid UTF-8'), { status: 400, type: 'entity.invalid.utf8' });
}
