import type { z } from 'zod';
import type { FieldMessage } from '../domain/fieldErrors';

/**
 * zod issues as `{ field, message }`, the shape every 400 in this product uses. An unknown key
 * is reported at that key (zod reports it at the object), so "nhsNumber" is named, not "(request)".
 */
export function reportProblems(error: z.ZodError): FieldMessage[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...at, key].join('.'), message: `remove ${key}: only the Datix form fields are accepted` }));
    }
    return [{ field: at.length === 0 ? '(request)' : at.join('.'), message: issue.message }];
  });
}

export function describeProblems(problems: readonly FieldMessage[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('; ');
}
