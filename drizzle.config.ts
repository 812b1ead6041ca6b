import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './schema/platform/tables.ts',
  out: './server/db/migrations',
});
