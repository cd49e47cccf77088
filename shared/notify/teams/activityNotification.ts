import { z } from 'zod';
import type { EmailDocument } from '../email/document';
import { primaryLink } from './approvalCard';

/**
 * The body of `POST /users/{id}/teamwork/sendActivityNotification` for the reserved
 * `systemDefault` activity type: free text, no activity type of our own to declare. The topic is
 * `text` with a `webUrl`, so selecting the notification opens our page.
 */
export const ActivityNotificationSchema = z.strictObject({
  topic: z.strictObject({
    source: z.literal('text', { error: 'topic.source must be "text" (our topic is a web page, not a Teams entity)' }),
    value: z.string().min(1, 'topic.value must not be empty').max(200),
    webUrl: z.url({ protocol: /^https?$/, error: 'topic.webUrl must be an http(s) URL' }),
  }),
  activityType: z.literal('systemDefault', { error: 'activityType must be "systemDefault"' }),
  previewText: z.strictObject({ content: z.string().min(1).max(150, 'previewText.content must be at most 150 characters') }),
  templateParameters: z
    .array(z.strictObject({ name: z.string().min(1), value: z.string() }))
    .refine((ps) => ps.some((p) => p.name === 'systemDefaultText' && p.value.trim().length > 0), {
      error: 'templateParameters must include systemDefaultText: it is the text the systemDefault activity shows',
    }),
});
export type ActivityNotification = z.infer<typeof ActivityNotificationSchema>;

/** Cuts plain text to `max` characters at a word, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** The activity feed entry for an outline: the subject as text, the main link as the target. */
export function activityNotificationFor(doc: EmailDocument): ActivityNotification {
  const link = primaryLink(doc);
  return ActivityNotificationSchema.parse({
    topic: { source: 'text', value: shorten(doc.heading, 200), webUrl: link.url },
    activityType: 'systemDefault',
    previewText: { content: shorten(doc.subject, 150) },
    templateParameters: [{ name: 'systemDefaultText', value: shorten(doc.subject, 500) }],
  });
}
