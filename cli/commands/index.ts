import type { Command } from '../command';

import { featuresCommand } from './features';
import { ingestCommand } from './ingest';
import { migrateCommand } from './migrate';
import { patientsCommand } from './patients';
import { phantomCommand } from './phantom';
import { responseCommand } from './response';
import { signalsCommand } from './signals';
import { therapyCommand } from './therapy';
import { trackCommand } from './track';
import { tracksCommand } from './tracks';

/** Every sub-command, in the order `hallmark help` lists them. */
export const commands: Command[] = [
  ingestCommand,
  patientsCommand,
  therapyCommand,
  phantomCommand,
  featuresCommand,
  responseCommand,
  trackCommand,
  tracksCommand,
  signalsCommand,
  migrateCommand,
];
