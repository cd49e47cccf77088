import { escapeHtml } from '../notify/email/escape';
import { PHONE_STYLE } from './phoneStyle';

export { escapeHtml };

/**
 * The shell of the app's own pages (decision pages): plain HTML that works without JavaScript,
 * NHS colours with at least 4.5:1 contrast, a visible focus band, one main heading per page.
 */
const STYLE = `
body{font-family:Arial,Helvetica,sans-serif;max-width:48rem;margin:0 auto;padding:1rem 1rem 3rem;line-height:1.5;color:#212b32;background:#fff}
a{color:#005eb8}
a:focus,button:focus,input:focus,textarea:focus,summary:focus{outline:4px solid #ffeb3b;outline-offset:0;box-shadow:0 4px 0 #212b32}
.hint{color:#4c6272}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:bold}dd{margin:0}
fieldset{border:1px solid #d8dde0;margin:1rem 0;padding:1rem}legend{font-weight:bold;padding:0 .25rem}
label{display:block;margin:.5rem 0 .25rem}textarea,input[type=text],input[type=datetime-local]{width:100%;font:inherit;padding:.5rem;border:2px solid #4c6272;box-sizing:border-box}
button{font:inherit;font-weight:bold;padding:.6rem 1.2rem;margin:.25rem .5rem .25rem 0;border:0;border-radius:4px;color:#fff;background:#007f3b;cursor:pointer}
button.secondary{background:#005eb8}button.warning{background:#d5281b}
.error-summary{border:4px solid #d5281b;padding:1rem;margin:1rem 0}.error{color:#d5281b;font-weight:bold}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border-bottom:1px solid #d8dde0;padding:.5rem;text-align:left;vertical-align:top}
.panel{border-left:8px solid #005eb8;background:#f0f4f5;padding:1rem;margin:1rem 0}
dl.facts{display:block}dl.facts dd{margin:0 0 .5rem}.hash{overflow-wrap:anywhere}
blockquote{margin:.5rem 0;padding-left:1rem;border-left:4px solid #d8dde0;white-space:pre-wrap;overflow-wrap:anywhere}
summary{cursor:pointer;font-weight:bold;color:#005eb8;margin:1rem 0}
`;

/** A page's own script, allowed by the nonce its Content-Security-Policy names (a page works without it). */
export interface PageScript {
  nonce: string;
  code: string;
}

export function page(title: string, body: string, script?: PageScript): string {
  const tag = script ? `\n<script nonce="${escapeHtml(script.nonce)}">${script.code}</script>` : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – AI governance</title><style>${STYLE}${PHONE_STYLE}</style></head>
<body>
<main id="main">
${body}
</main>${tag}
</body>
</html>
`;
}
