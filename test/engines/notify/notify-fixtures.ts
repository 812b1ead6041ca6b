import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DEMO_PACKS, readPack } from '../../../seeds/load-pack.js';
import type { TestServer } from '../../helpers/test-server.js';

/** A mail server on a free port that keeps what it accepts and refuses the next `refuse` messages. */
export interface TestMailServer {
  url: string;
  accepted: { to: string[]; raw: string }[];
  refuse: number;
  stop(): Promise<void>;
}

export async function startMailServer(): Promise<TestMailServer> {
  const box: TestMailServer = { url: '', accepted: [], refuse: 0, stop: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (box.refuse > 0) {
          box.refuse -= 1;
          callback(Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        box.accepted.push({ to: session.envelope.rcptTo.map((a) => a.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  box.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  box.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return box;
}

/** Publishes the demo packs plus extra documents (`<folder>/<name>.yaml` → document) through the import mutation. */
export async function importWith(t: TestServer, extra: Record<string, object>): Promise<ReturnType<TestServer['gql']>> {
  const files = [...(await readPack(...DEMO_PACKS)), ...Object.entries(extra).map(([path, doc]) => ({ path, content: JSON.stringify(doc) }))];
  return t.gql(`mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "notify test") { applied } }`, { f: files });
}

/** The row id inside a record's global id. */
export function rowId(globalId: string): number {
  return Number(Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]);
}
