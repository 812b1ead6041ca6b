import { createHash } from 'node:crypto';

/**
 * The Message-ID of a notification's e-mail: the same on every attempt, so when a send reached the mail server
 * but the process died before recording it, the resent copy is recognised as a duplicate by receivers.
 */
export function messageId(notificationId: number, key: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'atrium.invalid';
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 20);
  return `<notification.${notificationId}.${hash}@${domain}>`;
}
