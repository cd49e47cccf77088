import { footerOf, type Block, type EmailDocument } from './document';

/** The plain-text alternative: same content as the HTML, links written out in full. */
export function renderText(doc: EmailDocument): string {
  const parts = [doc.heading, ...doc.blocks.map(renderBlock), '---', footerOf(doc)];
  return parts.join('\n\n') + '\n';
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'facts':
      return [block.caption, ...block.rows.map(([label, value]) => `${label}: ${value}`)].join('\n');
    case 'action':
    case 'link':
      return `${block.link.label}:\n${block.link.url}`;
    case 'bullets':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'section':
      return [
        block.heading,
        ...(block.items.length === 0 ? [block.empty] : block.items.map((item) => `- ${item.text}\n  ${item.link.label}: ${item.link.url}`)),
      ].join('\n');
  }
}
