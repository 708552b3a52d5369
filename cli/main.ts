import type { Command, CommandIo } from './command';
import { UsageError } from './command';
import { commands } from './commands';

const io: CommandIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

function printHelp(list: Command[]): void {
  io.out('hallmark <command> [options]\n');
  for (const command of list) io.out(`  ${command.name.padEnd(12)} ${command.summary}`);
  io.out('\nRun `hallmark <command> --help` for the options of one command.');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    printHelp(commands);

    return name ? 0 : 2;
  }

  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}". Run \`hallmark help\` for the list.`);

    return 2;
  }
  if (rest.includes('--help')) {
    io.out(command.usage);

    return 0;
  }

  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${command.usage}`);

      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    io.err(`hallmark: ${message}`);
    process.exit(1);
  },
);
