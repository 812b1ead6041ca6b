/**
 * Runs tasks one at a time, in the order they were queued. The embedded database has one connection: a
 * transaction holds the queue while its callback awaits between statements, so no other caller's statement
 * lands inside it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => {});
    return result;
  }
}
