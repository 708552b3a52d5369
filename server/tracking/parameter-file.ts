/**
 * Reads elastix's text parameter files, `(Key value value ...)` per line, values quoted
 * when they are strings; `//` starts a comment. Used to read what the native elastix
 * command wrote, so its transform goes through the same parametersToAffine.
 */
import type { ParameterMap } from './parameter-maps';

export function parseParameterFile(text: string): ParameterMap {
  const map: ParameterMap = {};
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\/\/.*$/, '').trim();
    const match = /^\((\w+)\s*(.*)\)$/.exec(line);
    if (!match) continue;
    const [, key, rest] = match;
    const values = [...(rest ?? '').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
    if (key) map[key] = values;
  }

  return map;
}
