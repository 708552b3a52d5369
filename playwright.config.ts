import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { defineConfig } from '@playwright/test';

// One fresh data folder per run, shared by the server and the tests through the
// environment (workers inherit it from the process that evaluated this file first).
process.env.HALLMARK_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'hallmark-e2e-'));
const runDir = process.env.HALLMARK_E2E_DIR;
const port = Number(process.env.HALLMARK_E2E_PORT ?? 3199);

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // One server on the embedded database: tests share it, so they run one at a time.
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.HALLMARK_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  webServer: {
    command: `npx next start -p ${port}`,
    url: `http://127.0.0.1:${port}`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { HALLMARK_DATA_DIR: path.join(runDir, 'data'), HALLMARK_LOG_LEVEL: 'warn' },
  },
});
