import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', 'data/**'],
    // Tests assert on behaviour; info-level records would bury their output.
    env: { HALLMARK_LOG_LEVEL: process.env.HALLMARK_LOG_LEVEL ?? 'warn' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: more workers only fight over them.
    maxWorkers: 2,
  },
});
