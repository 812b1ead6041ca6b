import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';
import { buildSchema, isScalarType, isSpecifiedScalarType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GOLDEN_SDL, runClientPreset } from '../../studio/codegen.js';

/** The `codegen.ts` the README gives developers, evaluated as written. */
async function documentedConfig(): Promise<{ generates: Record<string, { preset: string; config: Record<string, any> }> }> {
  const readme = await readFile('README.md', 'utf8');
  const block = /<!-- codegen\.ts -->\s*```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no codegen.ts block after <!-- codegen.ts -->');
  const { code } = await transform(block, { loader: 'ts', format: 'esm' });
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)).default;
}

const OPERATION = `
  query LeaveOfOnePerson($id: ID!) {
    person(id: $id) { email createdAt leaveRequests(first: 5) { nodes { startDate endDate days openedAt } } }
  }
`;

describe("the README's codegen.ts for client developers", () => {
  it('maps every custom scalar of the schema, so none comes out as unknown but JSON', async () => {
    const config = await documentedConfig();
    const [output] = Object.values(config.generates);
    expect(output!.preset).toBe('client');
    const schema = buildSchema(await readFile(GOLDEN_SDL, 'utf8'));
    const custom = Object.values(schema.getTypeMap())
      .filter((t) => isScalarType(t) && !isSpecifiedScalarType(t))
      .map((t) => t.name)
      .sort();
    expect(Object.keys(output!.config.scalars).sort()).toEqual(custom);

    const operationType = async (config: Record<string, unknown>) => {
      const files = await runClientPreset(schema, [{ location: 'leave.graphql', document: parse(OPERATION), rawSDL: OPERATION }], config, {}, 'src/gql/');
      const types = files.find((f) => f.filename === 'src/gql/graphql.ts')!.content;
      return /export type LeaveOfOnePersonQuery = (.*);/.exec(types)?.[1] ?? '(none)';
    };
    const mapped = await operationType(output!.config);
    expect(mapped).toContain('email: string | null');
    expect(mapped).toContain('createdAt: string');
    expect(mapped).toContain('endDate: string');
    expect(mapped).toContain('days: string | null');
    expect(mapped).not.toContain('unknown');
    // What developers got before: the same operation without the mapping.
    expect(await operationType({})).toContain('endDate: unknown');
  }, 60_000);
});
