import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The studio's typed operations, generated from the reviewed golden SDL, so a schema change shows up in the
 * studio's types in the same commit. Operations live in `*.graphql` files beside the code that runs them and are
 * imported as `XxxDocument` from `studio/src/graphql/generated/graphql.js` (tree-shaken per chunk). `npm run codegen`
 * writes the output; test/studio/codegen-fresh.test.ts fails when the checked-in output is stale.
 *
 * `documentMode: 'string'` keeps graphql-js out of the browser bundle: documents are typed strings.
 */
export const STUDIO_SCALARS = {
  Date: 'string',
  DateTime: 'string',
  Decimal: 'string',
  Duration: 'string',
  EmailAddress: 'string',
  URL: 'string',
  JSON: 'unknown',
  JSONObject: 'Record<string, unknown>',
} as const;

const config: CodegenConfig = {
  schema: 'test/graphql/schema.golden.graphql',
  documents: ['studio/src/**/*.graphql'],
  ignoreNoDocuments: true,
  generates: {
    'studio/src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        emitLegacyCommonJSImports: false,
        scalars: STUDIO_SCALARS,
        strictScalars: true,
        skipTypename: true,
      },
    },
  },
};

export default config;
