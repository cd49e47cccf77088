import { z } from 'zod';

/** One problem with one input field, in the shape every 400 response and refusal uses. */
export const fieldMessageSchema = z.object({
  field: z.string().min(1),
  message: z.string().min(1),
});
export type FieldMessage = z.output<typeof fieldMessageSchema>;

// A problem with the whole document (not one field) still needs a name people can act on.
const WHOLE_REQUEST = '(request)';

/** Turns a zod error into `{ field, message }` pairs, field as a dotted path such as `data.legalBasis`. */
export function toFieldMessages(error: z.ZodError): FieldMessage[] {
  return error.issues.flatMap((issue) =>
    // zod reports extra fields as one issue on their parent; name each field instead.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: dotted([...issue.path, key]), message: 'remove this field: it is not part of this form' }))
      : [{ field: dotted(issue.path), message: issue.message }],
  );
}

function dotted(path: readonly PropertyKey[]): string {
  return path.length === 0 ? WHOLE_REQUEST : path.map(String).join('.');
}

/** "data.legalBasis: say which legal basis applies, …" — one line per problem, for logs and the CLI. */
export function formatFieldMessages(problems: readonly FieldMessage[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('\n');
}
