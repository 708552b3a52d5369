import path from 'node:path';

import { z } from 'zod';

/**
 * The environment, validated once. Nothing else in the code reads process.env for
 * configuration (log levels are read by the logger, which must work before this).
 */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  HALLMARK_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HALLMARK_REGISTRATION_ENGINE: z.enum(['wasm', 'native'], {
    message: 'HALLMARK_REGISTRATION_ENGINE must be wasm or native',
  }).default('wasm'),
});

export interface Env {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  /** Which elastix registers images: the bundled WebAssembly or the installed command. */
  registrationEngine: 'wasm' | 'native';
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;

  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  cached = {
    databaseUrl: parsed.data.DATABASE_URL,
    dataDir: path.resolve(parsed.data.HALLMARK_DATA_DIR),
    port: parsed.data.PORT,
    registrationEngine: parsed.data.HALLMARK_REGISTRATION_ENGINE,
  };

  return cached;
}
