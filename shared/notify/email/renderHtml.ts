import { footerOf, type Block, type EmailDocument, type LinkItem } from './document';
import { escapeHtml as e } from './escape';

// Inline styles because many mail clients drop <style>. Colours from the NHS palette, all at
// least 4.5:1 against their background: text #212b32 and links #005eb8 on white, white on
// button green #007f3b, secondary text #4c6272 on white.
const TEXT = '#212b32';
const LINK = '#005eb8';
const SECONDARY = '#4c6272';
const BUTTON = '#007f3b';

/**
 * Accessible HTML email: lang on <html>, one <h1>, <h2> per section, facts as a table with row
 * headers, links whose text says where they go, underlined links, no images, and the
 * role="article" wrapper that screen readers in webmail announce as the message.
 */
export function renderHtml(doc: EmailDocument): string {
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${e(doc.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f0f4f5;">
<div role="article" aria-roledescription="email" aria-label="${e(doc.subject)}" lang="en" style="max-width:600px;margin:0 auto;padding:24px;background-color:#ffffff;color:${TEXT};font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;overflow-wrap:anywhere;word-break:break-word;">
<h1 style="margin:0 0 16px;font-size:24px;line-height:1.3;color:${TEXT};">${e(doc.heading)}</h1>
${doc.blocks.map(renderBlock).join('\n')}
<hr style="border:0;border-top:1px solid #d8dde0;margin:24px 0 16px;">
<p style="margin:0;font-size:14px;color:${SECONDARY};">${e(footerOf(doc))}</p>
</div>
</body>
</html>
`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px;">${e(block.text)}</p>`;
    case 'facts':
      return `<table style="border-collapse:collapse;width:100%;margin:0 0 16px;">
<caption style="text-align:left;font-weight:bold;padding:0 0 8px;">${e(block.caption)}</caption>
<tbody>
${block.rows
  .map(
    ([label, value]) =>
      `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:8px 16px 8px 0;border-top:1px solid #d8dde0;width:35%;">${e(label)}</th><td style="vertical-align:top;padding:8px 0;border-top:1px solid #d8dde0;">${e(value)}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>`;
    case 'action':
      return `<p style="margin:24px 0;"><a href="${e(block.link.url)}" style="display:inline-block;padding:12px 16px;background-color:${BUTTON};color:#ffffff;font-weight:bold;text-decoration:underline;border-radius:4px;">${e(block.link.label)}</a></p>`;
    case 'link':
      return `<p style="margin:0 0 16px;">${link(block.link)}</p>`;
    case 'bullets':
      return `<ul style="margin:0 0 16px;padding-left:24px;">
${block.items.map((item) => `<li style="margin:0 0 8px;">${e(item)}</li>`).join('\n')}
</ul>`;
    case 'section':
      return `<h2 style="margin:24px 0 8px;font-size:20px;line-height:1.3;color:${TEXT};">${e(block.heading)}</h2>
${
  block.items.length === 0
    ? `<p style="margin:0 0 16px;">${e(block.empty)}</p>`
    : `<ul style="margin:0 0 16px;padding-left:24px;">
${block.items.map((item) => `<li style="margin:0 0 8px;">${e(item.text)} ${link(item.link)}</li>`).join('\n')}
</ul>`
}`;
  }
}

function link(item: LinkItem): string {
  return `<a href="${e(item.url)}" style="color:${LINK};text-decoration:underline;">${e(item.label)}</a>`;
}
