import { readFile } from 'node:fs/promises';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../studio/codegen.js';

/**
 * The studio's typed operations are generated from the golden SDL and checked in: this fails when either the
 * schema or an operation changed without `npm run codegen`, and when an operation no longer fits the schema.
 */
describe('studio codegen', () => {
  it('the checked-in generated operations are what the golden schema and the .graphql files give', async () => {
    const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const onDisk = await readFile(output.filename, 'utf8').catch(() => '(missing)');
      expect(onDisk, `${output.filename} is stale: run npm run codegen`).toBe(output.content);
    }
  }, 60_000);
});
