/**
 * Runs one GraphQL operation: as the development admin, or signed in as the user named `as` (journal entries
 * are written by their authors: the server sets the author, it takes none from a client).
 */
export type Execute = (query: string, variables: Record<string, unknown>, as?: string) => Promise<Record<string, any>>;

/** Told what the demo loader is doing, for a progress display on first start. */
export type OnProgress = (message: string) => void;

/** Creates per operation: under the HTTP layer's limit of 30 aliases per document. */
const BATCH = 25;

/** A deterministic pseudo-random sequence, so every fresh start shows the same demo. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Writes demo records through the public create mutations and counts them. `createMany` sends up to 25 creates
 * as aliased fields of one mutation operation: the server still runs each create as its own write, with its
 * access checks and event, but parses and validates one document per batch — several times faster than one
 * operation per record, which is what keeps the first start short.
 */
export class DemoWriter {
  records = 0;

  constructor(
    private readonly execute: Execute,
    private readonly onProgress: OnProgress = () => {},
  ) {}

  progress(message: string): void {
    this.onProgress(message);
  }

  async create(type: string, input: Record<string, unknown>, as?: string): Promise<string> {
    return (await this.createMany(type, [input], as))[0];
  }

  /** Creates the records in order and returns their ids in the same order. */
  async createMany(type: string, inputs: readonly Record<string, unknown>[], as?: string): Promise<string[]> {
    const field = type.charAt(0).toLowerCase() + type.slice(1);
    const ids: string[] = [];
    for (let start = 0; start < inputs.length; start += BATCH) {
      const batch = inputs.slice(start, start + BATCH);
      const variables = Object.fromEntries(batch.map((input, i) => [`i${i}`, input]));
      const params = batch.map((_, i) => `$i${i}: Create${type}Input!`).join(', ');
      const fields = batch.map((_, i) => `r${i}: create${type}(input: $i${i}) { ${field} { id } }`).join(' ');
      const data = await this.execute(`mutation(${params}) { ${fields} }`, variables, as);
      for (let i = 0; i < batch.length; i++) ids.push(data[`r${i}`][field].id as string);
      this.records += batch.length;
    }
    return ids;
  }

  /** Changes fields of a record at `version` (the one it was read at); resolves to its new version. */
  async update(type: string, id: string, version: number, patch: Record<string, unknown>): Promise<number> {
    const field = type.charAt(0).toLowerCase() + type.slice(1);
    const data = await this.execute(`mutation($i: Update${type}Input!) { r: update${type}(input: $i) { ${field} { version } } }`, { i: { id, version, patch } });
    this.records += 1;
    return data.r[field].version as number;
  }

  /**
   * Moves records along their state model, as a person would: `paths[i]` is the list of target states record
   * `ids[i]` goes through, one transition each (records start at version 1, in the initial state). The records'
   * k-th moves go together, up to 25 per operation; `patches` adds what a move requires (resolution notes).
   */
  async walk(type: string, ids: readonly string[], paths: readonly (readonly string[])[], patch: (to: string) => Record<string, unknown> | null = () => null): Promise<void> {
    const field = type.charAt(0).toLowerCase() + type.slice(1);
    const versions = ids.map(() => 1);
    const steps = Math.max(0, ...paths.map((p) => p.length));
    for (let k = 0; k < steps; k++) {
      const moving = ids.map((_, i) => i).filter((i) => paths[i].length > k);
      for (let start = 0; start < moving.length; start += BATCH) {
        const batch = moving.slice(start, start + BATCH);
        const variables = Object.fromEntries(batch.map((i, j) => [`i${j}`, { id: ids[i], version: versions[i], to: paths[i][k], patch: patch(paths[i][k]) }]));
        const params = batch.map((_, j) => `$i${j}: Transition${type}Input!`).join(', ');
        const fields = batch.map((_, j) => `r${j}: transition${type}(input: $i${j}) { ${field} { version } }`).join(' ');
        const data = await this.execute(`mutation(${params}) { ${fields} }`, variables);
        batch.forEach((i, j) => (versions[i] = data[`r${j}`][field].version as number));
      }
    }
  }
}
