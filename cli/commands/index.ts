import type { Command } from '../command';

import { ingestCommand } from './ingest';
import { migrateCommand } from './migrate';
import { patientsCommand } from './patients';
import { therapyCommand } from './therapy';

/** Every sub-command, in the order `hallmark help` lists them. */
export const commands: Command[] = [
  ingestCommand,
  patientsCommand,
  therapyCommand,
  migrateCommand,
];
