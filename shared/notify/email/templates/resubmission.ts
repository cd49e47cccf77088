import type { Block } from '../document';
import type { Resubmission } from '../../viewModels';

/** A changed answer in one line: what it was and what it is now. */
export const changeLine = (c: Resubmission['changes'][number]): string => `${c.label}: was “${c.before}”, now “${c.after}”`;

/** What a re-review message adds: the question, the requester's reply and each changed answer. */
export function resubmissionBlocks(r: Resubmission): Block[] {
  return [
    { kind: 'paragraph', text: `This request has been sent back to you after the requester answered a question from the ${r.askedBy}.` },
    { kind: 'facts', caption: 'The question and the reply', rows: [['Question', r.question], ['Reply', r.reply || 'No written reply: the requester changed answers only.']] },
    r.changes.length
      ? { kind: 'bullets', items: r.changes.map(changeLine) }
      : { kind: 'paragraph', text: 'No answers were changed.' },
  ];
}
