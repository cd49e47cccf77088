import { DTAC_AREAS, DTAC_RESULT_LABELS, DTAC_RESULTS, REFERENCE_FIELDS, REFERENCE_HINTS, REFERENCE_LABELS } from '../domain/schemas/decisionReferences';

/**
 * What a decision form says and asks, the same on the emailed decision page and in the web part
 * inbox: the references each step records (labels, hints, the DTAC's five areas and their
 * results) and what a rejection does, so the two forms cannot drift apart.
 */
export { DTAC_AREAS, DTAC_RESULT_LABELS, DTAC_RESULTS, REFERENCE_FIELDS, REFERENCE_HINTS, REFERENCE_LABELS };

/** Above a step's reference fields. */
export const REFERENCES_INTRO = 'Needed to approve: they are recorded with your decision and on the request.';

/** Said before a rejection is recorded: it is what the workflow then does (the stage ends, the requester is told). */
export const REJECTION_CONSEQUENCE = 'Rejecting ends the request: no further steps run, and the requester is emailed that it was not approved, with your reason.';
