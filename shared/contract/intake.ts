/**
 * The intake request as the web part sends it: its shape (the zod schema the API parses it with),
 * every answer by its dotted path, and the screening questions with their wording. Re-exported
 * from where the rules live, so the contract cannot say something the API does not enforce.
 */
export { REQUEST_TYPES, DPIA_SCREENING_QUESTION_COUNT, INTAKE_SECTIONS, intakeRequestShapeSchema, type RequestType, type IntakeRequestInput } from '../domain/schemas/intakeRequest';
export { REQUEST_FIELD_LABELS, REQUEST_FIELDS, type RequestField } from '../domain/schemas/requestFields';
export { DPIA_SCREENING_QUESTIONS, type ScreeningQuestion } from '../domain/screening/dpiaScreening';
export { EQUALITY_GROUPS, EQUALITY_SCREENING_QUESTION, equalityGroupAnswerSchema, equalityScreeningAnswersSchema } from '../domain/screening/equalityScreening';
