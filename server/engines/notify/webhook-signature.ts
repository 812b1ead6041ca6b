import { createHmac } from 'node:crypto';

/**
 * The `X-Atrium-Signature` of a webhook call: `sha256=` and the hex HMAC-SHA256, keyed with the webhook's secret,
 * of `<timestamp>.<body>` (the timestamp is `X-Atrium-Timestamp`, seconds since 1970). Receivers compute the same
 * and compare in constant time; the timestamp in the signed text lets them refuse old replays.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
