import { z } from 'zod';

/**
 * The part of the Adaptive Card schema, version 1.5, that our cards use, as strict zod schemas.
 * Why our own: the `adaptivecards` package ships TypeScript typings and a browser renderer but no
 * JSON schema or Node validator, and the official JSON schema is not published as a package. Strict
 * objects reject unknown properties and element types, so a card outside this subset fails loudly
 * in the sender (before Graph) and in the local stand-in. Deliberately absent: `Action.Execute` and
 * `Action.Submit` (they need a bot; decisions are made on our page), inputs, images.
 */
export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_SCHEMA_URL = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

const text = z.string().min(1, 'text must not be empty').max(4000);
const TextWeight = z.enum(['lighter', 'default', 'bolder']);
const TextSize = z.enum(['small', 'default', 'medium', 'large', 'extraLarge']);
const Spacing = z.enum(['none', 'small', 'default', 'medium', 'large', 'extraLarge', 'padding']);
/** Only http(s): a `javascript:` link must never reach a button. */
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const OpenUrlActionSchema = z.strictObject({
  type: z.literal('Action.OpenUrl'),
  title: z.string().min(1, 'a button needs a title').max(200),
  url: httpUrl,
  style: z.enum(['default', 'positive', 'destructive']).optional(),
  /** 1.5: read by screen readers and shown on hover. */
  tooltip: z.string().max(500).optional(),
});
export type OpenUrlAction = z.infer<typeof OpenUrlActionSchema>;
const Action = z.discriminatedUnion('type', [OpenUrlActionSchema], {
  error: 'only Action.OpenUrl is allowed: decisions are made on the decision page, not in the card',
});

/** Markdown-processed by Teams: use for our own fixed wording only. */
export const TextBlockSchema = z.strictObject({
  type: z.literal('TextBlock'),
  text,
  wrap: z.boolean().optional(),
  weight: TextWeight.optional(),
  size: TextSize.optional(),
  isSubtle: z.boolean().optional(),
  /** 1.5: `heading` is announced as a heading by screen readers. */
  style: z.enum(['default', 'heading']).optional(),
  spacing: Spacing.optional(),
  separator: z.boolean().optional(),
});

/** Never markdown-processed: caller text (titles, reasons) goes here so it stays literal. */
export const TextRunSchema = z.strictObject({
  type: z.literal('TextRun'),
  text,
  weight: TextWeight.optional(),
  size: TextSize.optional(),
  isSubtle: z.boolean().optional(),
  italic: z.boolean().optional(),
});

export const RichTextBlockSchema = z.strictObject({
  type: z.literal('RichTextBlock'),
  inlines: z.array(TextRunSchema).min(1).max(20),
  spacing: Spacing.optional(),
  separator: z.boolean().optional(),
});

export const FactSetSchema = z.strictObject({
  type: z.literal('FactSet'),
  facts: z.array(z.strictObject({ title: z.string().max(200), value: z.string().max(4000) })).min(1).max(30),
  spacing: Spacing.optional(),
});

export const ActionSetSchema = z.strictObject({
  type: z.literal('ActionSet'),
  actions: z.array(Action).min(1).max(6),
  spacing: Spacing.optional(),
});

const Element = z.discriminatedUnion('type', [TextBlockSchema, RichTextBlockSchema, FactSetSchema, ActionSetSchema], {
  error: 'each body element must be a TextBlock, RichTextBlock, FactSet or ActionSet',
});

export const AdaptiveCardSchema = z.strictObject({
  type: z.literal('AdaptiveCard', { error: 'type must be "AdaptiveCard"' }),
  $schema: z.literal(ADAPTIVE_CARD_SCHEMA_URL).optional(),
  version: z.literal(ADAPTIVE_CARD_VERSION, { error: `version must be "${ADAPTIVE_CARD_VERSION}"` }),
  body: z.array(Element).min(1).max(60),
  actions: z.array(Action).max(6).optional(),
  /** Shown where the card cannot be rendered, and read by some assistive technology. */
  fallbackText: z.string().max(1000).optional(),
  speak: z.string().max(1000).optional(),
  lang: z.string().max(20).optional(),
  msteams: z.strictObject({ width: z.literal('Full') }).optional(),
});

export type AdaptiveCard = z.infer<typeof AdaptiveCardSchema>;
export type CardElement = AdaptiveCard['body'][number];
export type TextRun = z.infer<typeof TextRunSchema>;
