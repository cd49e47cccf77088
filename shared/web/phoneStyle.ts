/**
 * Rules every page adds so nothing scrolls sideways on a phone (375 CSS pixels): long words and
 * links wrap, and below 40rem tables become one cell per line (the column headings stay for
 * screen readers; a caption keeps the full width, not its table's narrowest) and definition lists one column.
 */
export const PHONE_STYLE = `
body{overflow-wrap:anywhere}
img,iframe,pre,video{max-width:100%}
@media (max-width:40rem){
table,thead,tbody,tfoot,tr,th,td{display:block;width:auto}
caption{display:block;text-align:left}
thead tr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
tr{border-bottom:1px solid #d8dde0;padding:.5rem 0}
th,td{border:0;padding:.25rem 0}
dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}
}
`;
