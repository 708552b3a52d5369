import { spawnSync } from 'node:child_process';

/**
 * Whether a reference peer command (a Debian package the tests compare against) is on
 * PATH. Absent, the suite skips with a visible message on a developer's machine and
 * fails under CI, which installs every peer (scripts/system-deps.sh).
 */
export function peerCommandPresent(command: string, probeArgs: string[], pkg: string): boolean {
  const present = spawnSync(command, probeArgs).status !== null;
  if (!present) {
    if (process.env.CI === 'true') throw new Error(`${command} is not on PATH under CI`);
    console.warn(`SKIPPED: ${command} is not on PATH (Debian package ${pkg})`);
  }

  return present;
}
