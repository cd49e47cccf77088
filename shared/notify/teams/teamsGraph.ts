import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { ADAPTIVE_CARD_CONTENT_TYPE, AdaptiveCardSchema, type AdaptiveCard } from './adaptiveCard';
import { ActivityNotificationSchema, type ActivityNotification } from './activityNotification';

/** Small Graph calls for Teams, each taking the client (style.md). */

/** Activity feed notification to one user (Graph user id or user principal name). */
export async function sendActivityNotification(client: Client, userId: string, notification: ActivityNotification): Promise<void> {
  await client.api(`/users/${encodeURIComponent(userId)}/teamwork/sendActivityNotification`).post(ActivityNotificationSchema.parse(notification));
}

/**
 * The chat message body Graph expects for a card: the HTML body references the attachment by id,
 * and the attachment's `content` is the card as a JSON string (not an object).
 */
export const ChatCardMessageSchema = z.strictObject({
  body: z.strictObject({ contentType: z.literal('html'), content: z.string() }),
  attachments: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        contentType: z.literal(ADAPTIVE_CARD_CONTENT_TYPE, { error: `attachments[].contentType must be ${ADAPTIVE_CARD_CONTENT_TYPE}` }),
        contentUrl: z.null().optional(),
        name: z.string().nullable().optional(),
        thumbnailUrl: z.null().optional(),
        content: z.string().min(2, 'attachments[].content must be the card as a JSON string'),
      }),
    )
    .length(1, 'a card message carries exactly one attachment'),
});
export type ChatCardMessage = z.infer<typeof ChatCardMessageSchema>;

export function chatCardMessage(card: AdaptiveCard, attachmentId: string): ChatCardMessage {
  return {
    body: { contentType: 'html', content: `<attachment id="${attachmentId}"></attachment>` },
    attachments: [
      { id: attachmentId, contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, name: null, thumbnailUrl: null, content: JSON.stringify(AdaptiveCardSchema.parse(card)) },
    ],
  };
}

/** Posts a card to a chat; returns Graph's message id. */
export async function sendChatCard(client: Client, chatId: string, card: AdaptiveCard, attachmentId: string): Promise<string> {
  const created = (await client.api(`/chats/${encodeURIComponent(chatId)}/messages`).post(chatCardMessage(card, attachmentId))) as unknown;
  return z.object({ id: z.string() }).parse(created).id;
}
