/**
 * The links a message carries, so tests and scripts can follow a decision link without parsing
 * HTML: every href in the HTML body (entities decoded), then http(s) URLs in the text body.
 */
export function extractLinks(html: string | null, text: string): string[] {
  const found: string[] = [];
  for (const match of (html ?? '').matchAll(/\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
    const href = decodeEntities((match[1] ?? match[2] ?? match[3]).trim());
    if (href && !href.startsWith('#')) found.push(href);
  }
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    // A sentence's closing punctuation is not part of the URL.
    found.push(match[0].replace(/[.,;:!?)\]'”’]+$/, ''));
  }
  return [...new Set(found)];
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1].toLowerCase() === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED[body.toLowerCase()] ?? entity;
  });
}
