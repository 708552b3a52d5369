import type { Command } from '../command';
import { withServices } from '../with-services';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply database migrations (they also apply on every start)',
  usage: 'hallmark migrate',
  async run(_args, io) {
    const kind = await withServices('hallmark migrate', async ({ database }) => database.kind);
    io.out(`Database (${kind}) is up to date.`);

    return 0;
  },
};
