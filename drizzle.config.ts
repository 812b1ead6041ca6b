import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./schema/platform/tables.ts', './schema/platform/sla-tables.ts', './schema/platform/notify-tables.ts', './schema/platform/routing-tables.ts', './schema/platform/flow-tables.ts'],
  out: './server/db/migrations',
});
