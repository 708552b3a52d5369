import type { z } from 'zod';

/**
 * Turns zod issues into one line per problem, naming the field the way a person would
 * find it in their JSON: "timepoints[2].targets[0].diameterMm: expected a number".
 */

export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }

  return text === '' ? '(input)' : text;
}

function article(typeName: string): string {
  return /^[aeiou]/.test(typeName) ? `an ${typeName}` : `a ${typeName}`;
}

function describeTooSmall(issue: z.core.$ZodIssueTooSmall): string {
  if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s)`;
  if (issue.origin === 'string') return 'must not be empty';
  const bound = String(issue.minimum);

  return issue.inclusive ? `must be at least ${bound}` : `must be greater than ${bound}`;
}

/** A bad discriminator (criteria) lists the allowed values; zod keeps them on the issue. */
function describeUnion(issue: z.core.$ZodIssueInvalidUnion): string {
  const options = (issue as { options?: unknown }).options;
  if (!Array.isArray(options)) return issue.message;

  return `expected one of ${options.map((v) => JSON.stringify(v)).join(', ')}`;
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = article(issue.expected);

      return issue.input === undefined ? `missing; expected ${expected}` : `expected ${expected}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'date' ? 'expected a date like 2024-03-01' : issue.message;
    case 'too_small':
      return describeTooSmall(issue);
    case 'invalid_union':
      return describeUnion(issue);
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; check the spelling`;
    default:
      return issue.message;
  }
}

export function formatIssue(issue: z.core.$ZodIssue): string {
  return `${formatPath(issue.path)}: ${describe(issue)}`;
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map(formatIssue).join('\n');
}
