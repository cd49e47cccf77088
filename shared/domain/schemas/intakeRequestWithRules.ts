import { checkIntake } from '../intakeRules';
import { intakeRequestShapeSchema } from './intakeRequest';

/**
 * The intake request with the policy's intake rules applied as zod issues, for HTTP handlers:
 * one safeParse gives every problem, e.g. "data.legalBasis: say which legal basis applies, …".
 */
export const intakeRequestSchema = intakeRequestShapeSchema.superRefine((request, ctx) => {
  for (const problem of checkIntake(request)) {
    ctx.addIssue({ code: 'custom', path: problem.field.split('.'), message: problem.message });
  }
});
