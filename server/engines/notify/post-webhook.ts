import { webhookSignature } from './webhook-signature.js';

export interface WebhookCall {
  url: string;
  secret: string;
  /** Stable across retries: receivers drop a delivery they have seen. */
  deliveryId: string;
  body: string;
  /** Seconds since 1970, from the engine clock. */
  timestamp: number;
  timeoutMs: number;
}

/** POSTs a signed JSON payload; resolves on a 2xx answer, throws on any other answer or after the timeout. */
export async function postWebhook(call: WebhookCall): Promise<void> {
  const res = await fetch(call.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Atrium-Webhooks',
      'x-atrium-delivery': call.deliveryId,
      'x-atrium-timestamp': String(call.timestamp),
      'x-atrium-signature': webhookSignature(call.secret, call.timestamp, call.body),
    },
    body: call.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(call.timeoutMs),
  });
  // The answer's body is not needed; read it so the connection is released.
  await res.arrayBuffer().catch(() => undefined);
  if (res.status < 200 || res.status >= 300) throw new Error(`the receiver answered ${res.status} ${res.statusText}`.trim());
}
