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
  return error.issues.map((issue) => ({
    field: issue.path.length === 0 ? WHOLE_REQUEST : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** "data.legalBasis: say which legal basis applies, …" — one line per problem, for logs and the CLI. */
export function formatFieldMessages(problems: readonly FieldMessage[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('\n');
}
