import { defineConfig } from 'drizzle-kit';

// One migration set serves both drivers: PGlite and a PostgreSQL server speak the same SQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
