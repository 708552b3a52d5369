/** What every `hallmark` sub-command looks like to the dispatcher in main.ts. */

export interface CommandIo {
  /** Machine-readable output (the --json document) and human text both go here. */
  out(text: string): void;
  /** Progress and diagnostics; never mixed into --json output. */
  err(text: string): void;
}

export interface Command {
  name: string;
  /** One line for `hallmark help`. */
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CommandIo): Promise<number>;
}

/** Raised for bad arguments; main.ts prints the message with the command's usage. */
export class UsageError extends Error {}

/** The one patient id a per-patient command takes; anything else is a usage error. */
export function onePatientId(positionals: string[]): string {
  const [patientId, ...extra] = positionals;
  if (!patientId || extra.length) throw new UsageError('Name exactly one patient id.');

  return patientId;
}
