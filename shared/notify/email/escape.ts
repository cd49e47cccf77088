import escapeHtmlLibrary from 'escape-html';

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return escapeHtmlLibrary(text);
}
