import { escapeHtml } from '../../shared/notify/email/escape';
import { PHONE_STYLE } from '../../shared/web/phoneStyle';

export { escapeHtml };

/**
 * The look of every local developer page (index, mailbox, Datix, SharePoint): the NHS palette
 * with every text/background pair at least 4.5:1, a thick yellow focus band, a skip link, and a
 * link back to the index. Pages add their own rules through `extraStyle`.
 */
const BASE_STYLE = `
body{font-family:Arial,Helvetica,sans-serif;max-width:72rem;margin:0 auto;padding:0 1rem 2rem;line-height:1.5;color:#212b32;background:#fff}
a{color:#005eb8}a:visited{color:#330072}
a:focus,button:focus,iframe:focus{outline:4px solid #ffeb3b;outline-offset:0;background:#ffeb3b;color:#212b32;box-shadow:0 4px 0 #212b32}
.skip{position:absolute;left:-9999px}.skip:focus{position:static}
.hint{color:#4c6272}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.5rem 1rem .5rem 0;border-bottom:1px solid #d8dde0}
td{overflow-wrap:anywhere}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

/** A dev page's list as a table: a caption for screen readers, a header row naming the columns, then the rows (`<tr>`s). */
export function listTable(caption: string, columns: readonly string[], rows: readonly string[]): string {
  return `<table>
<caption class="visually-hidden">${caption}</caption>
<thead><tr>${columns.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

export interface DevPageOptions {
  extraStyle?: string;
  /** The index page itself has no "back to the index" link. */
  isIndex?: boolean;
}

export function devPage(title: string, body: string, options: DevPageOptions = {}): string {
  const back = options.isIndex ? '' : '<header><p><a href="/">Local runtime index</a></p></header>\n';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${BASE_STYLE}${options.extraStyle ?? ''}${PHONE_STYLE}</style></head>
<body>
<a class="skip" href="#main">Skip to main content</a>
${back}<main id="main">
${body}
</main>
</body>
</html>
`;
}
