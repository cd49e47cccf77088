/**
 * The reply page's place for attachments. Requests have no attachments yet, so it shows nothing
 * (a page must not offer what does not exist); when list item attachments arrive, their upload
 * control and list go here and the reply's POST handles them.
 */
export function replyAttachmentsHtml(_requestId: number): string {
  return '';
}
