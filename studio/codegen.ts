/**
 * The studio's typed operations, generated from the reviewed golden SDL, so a schema change shows up in the
 * studio's types in the same commit. Operations live in `*.graphql` files beside the code that runs them and are
 * imported as `XxxDocument` from `studio/src/graphql/generated/graphql.js`.
 *
 * `npm run codegen` writes the output; `npm run codegen -- --check` (and test/studio/codegen-fresh.test.ts) fails
 * when the checked-in output is stale or an operation does not fit the schema.
 *
 * GraphQL Code Generator's client preset, run through `@graphql-codegen/core` rather than its CLI: the CLI's
 * loaders (URL, GitHub, Apollo Studio) need Node 22, and we load one local file. `documentMode: 'string'` keeps
 * graphql-js out of the browser bundle: documents are typed strings.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codegen } from '@graphql-codegen/core';
import { preset } from '@graphql-codegen/client-preset';
import { buildSchema, parse, printSchema, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const GOLDEN_SDL = path.join(ROOT, 'test/graphql/schema.golden.graphql');
export const STUDIO_SRC = path.join(ROOT, 'studio/src');
export const OUTPUT_DIR = 'studio/src/graphql/generated/';

/** How the server's custom scalars arrive in JSON: what a TypeScript client should call them. */
export const SCALARS = {
  Date: 'string',
  DateTime: 'string',
  Decimal: 'string',
  Duration: 'string',
  EmailAddress: 'string',
  URL: 'string',
  JSON: 'unknown',
  JSONObject: 'Record<string, unknown>',
} as const;

const CONFIG = {
  documentMode: 'string',
  enumsAsTypes: true,
  useTypeImports: true,
  emitLegacyCommonJSImports: false,
  scalars: SCALARS,
  strictScalars: true,
  skipTypename: true,
};

async function graphqlFiles(dir: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await graphqlFiles(full)));
    else if (entry.name.endsWith('.graphql')) out.push(full);
  }
  return out.sort();
}

/** The generated files (path relative to the repository, content), from the golden SDL and the studio's operations. */
export async function generateStudioTypes(): Promise<{ filename: string; content: string }[]> {
  const schema: GraphQLSchema = buildSchema(await readFile(GOLDEN_SDL, 'utf8'));
  const documents = await Promise.all(
    (await graphqlFiles(STUDIO_SRC)).map(async (file) => {
      const rawSDL = await readFile(file, 'utf8');
      const document = parse(rawSDL);
      const errors = validate(schema, document);
      if (errors.length) throw new Error(`${path.relative(ROOT, file)} does not fit the schema:\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
      return { location: path.relative(ROOT, file), document, rawSDL };
    }),
  );
  return runClientPreset(schema, documents, CONFIG, { fragmentMasking: false }, OUTPUT_DIR);
}

/** GraphQL Code Generator's client preset over a schema and parsed operations: the files it would write. */
export async function runClientPreset(
  schema: GraphQLSchema,
  documents: { location: string; document: DocumentNode; rawSDL: string }[],
  config: Record<string, unknown>,
  presetConfig: Record<string, unknown>,
  outputDir: string,
): Promise<{ filename: string; content: string }[]> {
  const sections = await preset.buildGeneratesSection({
    baseOutputDir: outputDir,
    schema: parse(printSchema(schema)),
    schemaAst: schema,
    documents,
    config,
    presetConfig,
    plugins: [],
    pluginMap: {},
  } as never);
  return Promise.all(sections.map(async (section) => ({ filename: section.filename, content: await codegen(section) })));
}

async function main(check: boolean): Promise<void> {
  const outputs = await generateStudioTypes();
  const stale: string[] = [];
  for (const { filename, content } of outputs) {
    const target = path.join(ROOT, filename);
    const current = await readFile(target, 'utf8').catch(() => null);
    if (current === content) continue;
    if (check) stale.push(filename);
    else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
      console.log(`wrote ${filename}`);
    }
  }
  if (stale.length) {
    console.error(`stale generated files (run npm run codegen): ${stale.join(', ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main(process.argv.includes('--check'));
