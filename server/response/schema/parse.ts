import { AppError } from '@/server/lib/errors';

import { formatIssues } from './format-issues';
import { responseInputSchema, type ParsedResponseInput } from './input';

/**
 * Validates raw input; reportInput lets the messages tell a missing field from a wrong one.
 * A BAD_INPUT AppError lists every problem, one field per line.
 */
export function parseResponseInput(raw: unknown): ParsedResponseInput {
  const result = responseInputSchema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;

  const details = formatIssues(result.error.issues);

  return raiseBadInput(details, result.error);
}

function raiseBadInput(details: string, cause: unknown): never {
  throw new AppError('BAD_INPUT', `invalid response input:\n${details}`, {
    userMessage: `The response input has problems:\n${details}`,
    cause,
  });
}
