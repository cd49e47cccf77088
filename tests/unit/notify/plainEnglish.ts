/**
 * Test helper: finds all-capitals abbreviations that are not introduced by their full name, as in
 * "Data Protection Impact Assessment (DPIA)". The first use must be in brackets right after
 * words whose initials spell it; later uses are then fine.
 */
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', '&']);

export function unexplainedAbbreviations(text: string): string[] {
  const cleaned = text.replace(/https?:\/\/\S+/g, ' ');
  const explained = new Set<string>();
  const problems: string[] = [];
  for (const match of cleaned.matchAll(/\b[A-Z]{2,}s?\b/g)) {
    const abbreviation = match[0].replace(/s$/, '');
    if (explained.has(abbreviation)) continue;
    const before = cleaned.slice(0, match.index);
    const inBrackets = before.endsWith('(') && cleaned[match.index + match[0].length] === ')';
    if (inBrackets && initialsBefore(before.slice(0, -1), abbreviation.length) === abbreviation) {
      explained.add(abbreviation);
    } else {
      problems.push(abbreviation);
    }
  }
  return problems;
}

function initialsBefore(text: string, letters: number): string {
  const words = text.trim().split(/[\s-]+/).filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
  return words
    .slice(-letters)
    .map((w) => w[0].toUpperCase())
    .join('');
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
