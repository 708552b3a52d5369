import type { Command } from '../command';

/** Every sub-command, in the order `hallmark help` lists them. */
export const commands: Command[] = [];
