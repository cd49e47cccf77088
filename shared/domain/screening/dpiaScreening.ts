import { z } from 'zod';
import { DPIA_SCREENING_QUESTION_COUNT } from '../schemas/intakeRequest';

/**
 * Data Protection Impact Assessment screening: the ten questions of policy Appendix 2, reworded
 * for a tool instead of a policy, meaning kept. Any "yes" means a full assessment (the policy's
 * Stage 2 form) is needed.
 */
export interface ScreeningQuestion {
  readonly number: number;
  readonly question: string;
  readonly examples: string;
}

export const DPIA_SCREENING_QUESTIONS: readonly ScreeningQuestion[] = [
  {
    number: 1,
    question: 'Will the tool process information that identifies a person, living or dead?',
    examples: 'For example a name, address, postcode, email address, telephone number or payroll number.',
  },
  {
    number: 2,
    question: 'Will the tool process sensitive information about a person, living or dead?',
    examples: 'For example physical or mental health, sexuality, religious belief, political views or National Insurance number.',
  },
  {
    number: 3,
    question: 'Will the tool share identifiers that are unique to a person or household?',
    examples: 'For example a hospital number, National Health Service number, National Insurance number or payroll number.',
  },
  {
    number: 4,
    question: 'Will the tool process pseudonymised information in an organisation that holds the key to re-identify it?',
    examples: 'Pseudonymised data has its identifiers replaced by codes; anyone with the key can identify people again.',
  },
  {
    number: 5,
    question: 'Will organisations or people get access to information they cannot access now?',
    examples: 'For example a supplier or another team seeing records for the first time.',
  },
  {
    number: 6,
    question: 'Will the organisation use information it already holds for a different purpose?',
    examples: 'For example using care records collected for treatment to train a model.',
  },
  {
    number: 7,
    question: 'Does the tool use technology that people might see as intruding on their privacy?',
    examples: 'For example biometrics, facial recognition, closed-circuit television or audio recording.',
  },
  {
    number: 8,
    question: 'Will decisions or actions be taken about people in ways that could significantly affect them?',
    examples: 'Including profiling, and decisions made solely by automated means without any human involvement.',
  },
  {
    number: 9,
    question: 'Will the tool collect more information about people than is already collected or held?',
    examples: 'For example extra questions, recordings or measurements.',
  },
  {
    number: 10,
    question: 'Will people be contacted in ways they may not expect and may find intrusive?',
    examples: 'For example by personal email or text message.',
  },
];

export const dpiaScreeningAnswersSchema = z
  .array(z.boolean({ error: 'answer each screening question yes (true) or no (false)' }))
  .length(DPIA_SCREENING_QUESTION_COUNT, 'give exactly ten screening answers, one per question');

export interface DpiaScreeningOutcome {
  readonly fullAssessmentNeeded: boolean;
  /** Question numbers (1 to 10) answered yes. */
  readonly yesAnswers: readonly number[];
  readonly explanation: string;
}

export function dpiaScreeningOutcome(answers: readonly boolean[]): DpiaScreeningOutcome {
  const yesAnswers = answers.flatMap((yes, index) => (yes ? [index + 1] : []));
  if (yesAnswers.length === 0) {
    return {
      fullAssessmentNeeded: false,
      yesAnswers,
      explanation: 'The screening answered no to all ten questions, so a full Data Protection Impact Assessment is not needed.',
    };
  }
  const which = yesAnswers.length === 1 ? `question ${yesAnswers[0]}` : `questions ${listNumbers(yesAnswers)}`;
  return {
    fullAssessmentNeeded: true,
    yesAnswers,
    explanation: `The screening answered yes to ${which}, so a full Data Protection Impact Assessment is needed.`,
  };
}

function listNumbers(numbers: readonly number[]): string {
  return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}
