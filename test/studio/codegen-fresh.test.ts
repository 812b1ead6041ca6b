import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateStudioTypes } from '../../studio/codegen.js';

/**
 * The studio's typed operations are generated from the golden SDL and checked in: this fails when either the
 * schema or an operation changed without `npm run codegen`, and when an operation no longer fits the schema.
 */
describe('studio codegen', () => {
  it('the checked-in generated operations are what the golden schema and the .graphql files give', async () => {
    const outputs = await generateStudioTypes();
    expect(outputs.map((o) => o.filename).sort()).toEqual(['gql.ts', 'graphql.ts', 'index.ts'].map((f) => `studio/src/graphql/generated/${f}`));
    for (const output of outputs) {
      const onDisk = await readFile(output.filename, 'utf8').catch(() => '(missing)');
      expect(onDisk, `${output.filename} is stale: run npm run codegen`).toBe(output.content);
    }
  }, 60_000);
});
