import { createTransport, type Transporter } from 'nodemailer';

/** One e-mail, ready to go. */
export interface MailMessage {
  messageId: string;
  from: string;
  to: readonly string[];
  subject: string;
  text: string;
}

const transports = new Map<string, Transporter>();

/**
 * Sends an e-mail over SMTP to the server at `smtpUrl`; resolves once the server accepted it, throws when it
 * refused or could not be reached. Several recipients are sent as Bcc, so no one learns the others' addresses.
 */
export async function sendMail(smtpUrl: string, message: MailMessage): Promise<void> {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    transports.set(smtpUrl, transport);
  }
  const single = message.to.length === 1;
  await transport.sendMail({
    messageId: message.messageId,
    from: message.from,
    ...(single ? { to: message.to[0] } : { to: message.from, bcc: [...message.to] }),
    subject: message.subject,
    text: message.text,
  });
}
