/**
 * Turns zod issues into the one-line message an Anthropic client gets back in an
 * invalid_request_error: the JSON path, dot-separated, then what was expected, e.g.
 * `messages.2.content.0.type: expected string`. For a union (a message's content is a string
 * or an array) it follows the branch that got furthest, so an error deep inside the array is
 * reported at its own path instead of as "invalid input" on the whole content.
 */
import type { z } from 'zod';

const MAX_REPORTED = 3;

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'integer' : issue.expected}`;
    case 'too_small':
      if (issue.origin === 'number') {
        return `expected a number ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`;
      }
      return `expected at least ${String(issue.minimum)} ${issue.origin === 'string' ? 'character(s)' : 'item(s)'}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return issue.message;
  }
}

function locate(
  issue: z.core.$ZodIssue,
  prefix: readonly PropertyKey[],
): { path: PropertyKey[]; text: string } {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const deepest = issue.errors
      .flat()
      .reduce<z.core.$ZodIssue | undefined>(
        (best, candidate) => (!best || candidate.path.length > best.path.length ? candidate : best),
        undefined,
      );
    if (deepest && deepest.path.length > 0) return locate(deepest, path);
    const expected = issue.errors.flatMap((branch) =>
      branch.flatMap((inner) => (inner.code === 'invalid_type' ? [inner.expected] : [])),
    );
    if (expected.length > 0) return { path, text: `expected ${expected.join(' or ')}` };
  }
  return { path, text: describe(issue) };
}

export function issueMessage(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, MAX_REPORTED)
    .map((issue) => {
      const { path, text } = locate(issue, []);
      return `${path.length > 0 ? path.map(String).join('.') : 'body'}: ${text}`;
    })
    .join('; ');
}

/**
 * For refinements that check a value against another schema: re-raises the inner issues at
 * their own paths, already worded, so `issueMessage` prints them as they are.
 */
export function forwardIssues(issues: readonly z.core.$ZodIssue[], ctx: z.RefinementCtx): void {
  for (const issue of issues) {
    const { path, text } = locate(issue, []);
    ctx.addIssue({ code: 'custom', message: text, path });
  }
}
