/**
 * Checks text against §6.1: "explainable in plain English without abbreviations or specialised
 * terms". An all-capitals word must first appear in brackets right after the words whose
 * initials spell it, as in "Data Protection Impact Assessment (DPIA)"; sentences stay short.
 */
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', '&', 'a']);
export const MAX_WORDS_PER_SENTENCE = 30;

export function unexplainedAbbreviations(text: string): string[] {
  const explained = new Set<string>();
  const problems: string[] = [];
  for (const match of text.matchAll(/\b[A-Z]{2,}s?\b/g)) {
    const abbreviation = match[0].replace(/s$/, '');
    if (explained.has(abbreviation)) continue;
    const before = text.slice(0, match.index);
    const inBrackets = before.endsWith('(') && text[match.index + match[0].length] === ')';
    if (inBrackets && initialsBefore(before.slice(0, -1), abbreviation.length) === abbreviation) explained.add(abbreviation);
    else problems.push(abbreviation);
  }
  return problems;
}

function initialsBefore(text: string, letters: number): string {
  const words = text.trim().split(/[\s-]+/).filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
  return words.slice(-letters).map((w) => w[0].toUpperCase()).join('');
}

export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter(Boolean);
}

export function longSentences(text: string, maxWords = MAX_WORDS_PER_SENTENCE): string[] {
  return sentences(text).filter((s) => s.split(/\s+/).length > maxWords);
}
