import { z } from 'zod';

/**
 * What Microsoft Graph v1.0 accepts, written from Microsoft's published reference rather than
 * from our sender's schemas (shared/notify/teams), so a drift between the adapter and the real
 * service fails here as it would in production. Sources (Microsoft Graph v1.0 reference):
 * - "userTeamwork: sendActivityNotification": body parameters topic, activityType, chainId,
 *   iconId, previewText, teamsAppId, templateParameters; 204 No Content on success. The activity
 *   type must be declared in the Teams app manifest, except the reserved `systemDefault`.
 * - "teamworkActivityTopic resource type": source `entityUrl` | `text`; value; webUrl required
 *   when source is `text`.
 * - "itemBody resource type": { contentType: text | html, content }.
 * - "keyValuePair resource type": { name, value }.
 * - "chatMessage resource type" and "Send chatMessage in a chat": body and attachments
 *   (chatMessageAttachment: id, contentType, contentUrl, content, name, thumbnailUrl, teamsAppId).
 * - "Microsoft Graph error responses": { error: { code, message, innerError } }.
 * Graph is OData: a property the type does not define is refused with 400 BadRequest.
 */

/** Our Teams app manifest (teams/manifest.json) declares no activity types, so only the reserved one is valid. */
export const DECLARED_ACTIVITY_TYPES: readonly string[] = [];
export const RESERVED_ACTIVITY_TYPE = 'systemDefault';

/** Teams shows the first 150 characters of the preview; longer text is refused rather than cut. */
export const PREVIEW_TEXT_MAX = 150;

const odataType = (name: string) => ({ '@odata.type': z.literal(`#microsoft.graph.${name}`).optional() });

const itemBody = z.strictObject({
  ...odataType('itemBody'),
  contentType: z.enum(['text', 'html']).optional(),
  content: z.string(),
});

const keyValuePair = z.strictObject({ ...odataType('keyValuePair'), name: z.string().min(1), value: z.string() });

const topic = z
  .strictObject({
    ...odataType('teamworkActivityTopic'),
    source: z.enum(['entityUrl', 'text'], { error: 'source must be entityUrl or text' }),
    value: z.string().min(1, 'value is required'),
    webUrl: z.url().optional(),
  })
  .refine((t) => t.source !== 'text' || t.webUrl !== undefined, { message: 'webUrl is required when source is text', path: ['webUrl'] })
  .refine((t) => t.source !== 'entityUrl' || /^https:\/\/graph\.microsoft\.com\//.test(t.value), {
    message: 'value must be a Microsoft Graph URL when source is entityUrl',
    path: ['value'],
  });

export const sendActivityNotificationBody = z
  .strictObject({
    topic,
    activityType: z.string({ error: 'activityType is required' }).min(1, 'activityType is required'),
    chainId: z.number().int().optional(),
    iconId: z.string().optional(),
    previewText: itemBody.refine((b) => b.content.length <= PREVIEW_TEXT_MAX, {
      message: `content must be at most ${PREVIEW_TEXT_MAX} characters`,
      path: ['content'],
    }),
    teamsAppId: z.string().optional(),
    templateParameters: z.array(keyValuePair).optional(),
  })
  .refine((b) => b.activityType === RESERVED_ACTIVITY_TYPE || DECLARED_ACTIVITY_TYPES.includes(b.activityType), {
    message: `activityType must be declared in the Teams app manifest, or be ${RESERVED_ACTIVITY_TYPE}`,
    path: ['activityType'],
  })
  // The reserved type's Actor+Reason line is its free text, passed as the systemDefaultText parameter.
  .refine((b) => b.activityType !== RESERVED_ACTIVITY_TYPE || (b.templateParameters ?? []).some((p) => p.name === 'systemDefaultText'), {
    message: 'templateParameters must include systemDefaultText for the systemDefault activity type',
    path: ['templateParameters'],
  });
export type SendActivityNotificationBody = z.output<typeof sendActivityNotificationBody>;

const chatMessageAttachment = z.strictObject({
  ...odataType('chatMessageAttachment'),
  id: z.string().min(1, 'id is required'),
  contentType: z.string().min(1, 'contentType is required'),
  contentUrl: z.string().nullable().optional(),
  content: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  thumbnailUrl: z.string().nullable().optional(),
  teamsAppId: z.string().nullable().optional(),
});

/** The writable part of a chatMessage when sending to a chat. */
export const chatMessageBody = z.strictObject({
  ...odataType('chatMessage'),
  body: itemBody,
  subject: z.string().nullable().optional(),
  importance: z.enum(['normal', 'high', 'urgent']).optional(),
  attachments: z.array(chatMessageAttachment).optional(),
  mentions: z.array(z.unknown()).optional(),
});
export type ChatMessageBody = z.output<typeof chatMessageBody>;

/** Graph's error body. */
export interface GraphErrorBody {
  error: { code: string; message: string; innerError: { date: string; 'request-id': string } };
}

// The Graph type at the first segment of a path, for OData's "does not exist on type" wording.
const NESTED_TYPES: Record<string, string> = {
  topic: 'teamworkActivityTopic',
  previewText: 'itemBody',
  templateParameters: 'keyValuePair',
  body: 'itemBody',
  attachments: 'chatMessageAttachment',
};

/**
 * zod issues worded as Graph's OData layer words them: an unknown property names the property and
 * its type, other problems name the property path.
 */
export function graphBadRequestMessage(error: z.ZodError, typeName: string): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String);
      if (issue.code === 'unrecognized_keys') {
        const type = path.length > 0 ? (NESTED_TYPES[path[0]] ?? typeName) : typeName;
        return issue.keys
          .map((key) => `The property '${key}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type.`)
          .join(' ');
      }
      const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
      return `${path.join('.') || 'body'}: ${missing ? 'is required' : issue.message}`;
    })
    .join('; ');
}
