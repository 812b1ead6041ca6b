/**
 * The small protocol between the bench and a server child: the child prints one `BENCH_READY {json}` line when
 * it answers, and replies to `{ id, cmd }` messages on the IPC channel with `{ id, ...answer }`.
 */
export type BenchCommand = 'stats' | 'capture' | 'shutdown' | 'profileStart' | 'profileStop';

export function announceReady(info: Record<string, unknown>): void {
  process.stdout.write(`BENCH_READY ${JSON.stringify(info)}\n`);
}

export function answerCommands(handlers: Partial<Record<BenchCommand, () => unknown>>): void {
  process.on('message', async (msg: { id: number; cmd: BenchCommand }) => {
    const handler = handlers[msg.cmd];
    let answer: unknown;
    try {
      answer = handler ? await handler() : { error: `unknown command ${msg.cmd}` };
    } catch (e) {
      answer = { error: (e as Error).message };
    }
    process.send?.({ id: msg.id, ...(answer as object) });
  });
  // The bench ends a child with SIGTERM; without the IPC channel there is nobody left to serve.
  process.on('disconnect', () => process.exit(0));
}
