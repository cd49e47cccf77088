/**
 * Checks text against §6.1 of the AI Policy: "explainable in plain English without abbreviations
 * or specialised terms". An all-capitals word must first appear in brackets right after the words
 * whose initials spell it, as in "Data Protection Impact Assessment (DPIA)" (later uses are then
 * fine; capitals inside links do not count); sentences stay short. Used by the rule, template,
 * card and email tests alike.
 */
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', '&', 'a']);
export const MAX_WORDS_PER_SENTENCE = 30;

export function unexplainedAbbreviations(text: string): string[] {
  // Links and request references (AIG-2026-0001) are names, not abbreviations to spell out.
  const cleaned = text.replace(/https?:\/\/\S+/g, ' ').replace(/\bAIG-\d{4}-\d+\b/g, ' ');
  const explained = new Set<string>();
  const problems: string[] = [];
  for (const match of cleaned.matchAll(/\b[A-Z]{2,}s?\b/g)) {
    const abbreviation = match[0].replace(/s$/, '');
    if (explained.has(abbreviation)) continue;
    const before = cleaned.slice(0, match.index);
    const inBrackets = before.endsWith('(') && cleaned[match.index + match[0].length] === ')';
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

/** The words a reader sees in an HTML body: tags and attributes removed, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Everything wrong with a text a person reads (issue 16): abbreviations nobody spelled out, the
 * section sign and the ampersand (write "section" and "and"). Empty when the text is plain.
 */
export function plainEnglishProblems(text: string): string[] {
  const symbols = [...text.matchAll(/[§&]/g)].map((m) => `"${m[0]}" in "${text.slice(Math.max(0, m.index - 30), m.index + 30).replace(/\s+/g, ' ').trim()}"`);
  return [...unexplainedAbbreviations(text).map((a) => `${a} not spelled out`), ...symbols];
}
