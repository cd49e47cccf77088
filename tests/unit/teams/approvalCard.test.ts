import {
  activityNotificationFor,
  AdaptiveCardSchema,
  approvalCard,
  cardLinksForTest,
  teamsDocuments,
  type AdaptiveCard,
  type TeamsKind,
} from './cardTestKit';
import type { StepAssigned } from '../../../shared/notify';
import { decisionUrl, variants } from '../notify/fixtures';
import { unexplainedAbbreviations } from '../../support/plainEnglish';

// The digest and the note about a list-form request are email only (shared/notify/teams/documents.ts).
const teamsVariants = variants.filter((v) => v.kind !== 'weeklyDigest' && v.kind !== 'listFormRequest');
const cardFor = (kind: string, model: unknown): AdaptiveCard =>
  approvalCard((teamsDocuments[kind as TeamsKind] as (m: unknown) => Parameters<typeof approvalCard>[0])(model));
const allText = (card: AdaptiveCard): string =>
  card.body
    .map((e) => (e.type === 'TextBlock' ? e.text : e.type === 'RichTextBlock' ? e.inlines.map((r) => r.text).join('') : ''))
    .join('\n');

describe('the Teams card for each message kind', () => {
  it.each(teamsVariants.map((v) => [v.name, v] as const))('%s: is a valid version 1.5 card whose buttons open our pages', (_name, v) => {
    const card = cardFor(v.kind, v.model);

    expect(AdaptiveCardSchema.parse(card)).toEqual(card);
    expect(card.version).toBe('1.5');
    const buttons = cardLinksForTest(card);
    expect(buttons.every((b) => b.type === 'Action.OpenUrl')).toBe(true);
    expect(new Set(buttons.map((b) => b.url))).toEqual(new Set(v.links));
  });

  it.each(teamsVariants.map((v) => [v.name, v] as const))('%s: uses plain English with no unexplained abbreviations', (_name, v) => {
    expect(unexplainedAbbreviations(allText(cardFor(v.kind, v.model)))).toEqual([]);
  });

  it('puts the decision page first for the approver, and the activity feed opens it', () => {
    const v = variants.find((x) => x.kind === 'stepAssigned')!;
    const doc = teamsDocuments.stepAssigned(v.model as StepAssigned);

    const [first] = cardLinksForTest(approvalCard(doc));
    const notification = activityNotificationFor(doc);

    expect(first.url).toBe(decisionUrl);
    expect(notification).toMatchObject({ activityType: 'systemDefault', topic: { source: 'text', webUrl: decisionUrl } });
    expect(notification.templateParameters).toEqual([{ name: 'systemDefaultText', value: expect.stringContaining('Decision needed') }]);
    expect(notification.previewText.content.length).toBeLessThanOrEqual(150);
  });

  it('keeps a title with markup as literal text in runs that Teams never reads as markdown or HTML', () => {
    const v = variants.find((x) => x.kind === 'stepAssigned')!;
    const base = v.model as StepAssigned;
    const title = '<b>x</b> & <script>alert(1)</script> [click](https://evil.example) **bold**';

    const card = cardFor('stepAssigned', { ...base, request: { ...base.request, title } });

    const runs = card.body.flatMap((e) => (e.type === 'RichTextBlock' ? e.inlines.map((r) => r.text) : []));
    expect(runs).toContain(title);
    // Markdown TextBlocks hold only our own wording, never the title.
    const textBlocks = card.body.flatMap((e) => (e.type === 'TextBlock' ? [e.text] : []));
    expect(textBlocks.some((t) => t.includes('<b>') || t.includes('evil'))).toBe(false);
    // Nothing is HTML-escaped in the card: that would show "&amp;" to the reader.
    expect(JSON.stringify(card)).not.toContain('&amp;');
  });

  it('shortens a long subject to the 150 characters the activity feed preview allows, at a word', () => {
    const v = variants.find((x) => x.kind === 'stepAssigned')!;
    const base = v.model as StepAssigned;
    const title = 'Ambient voice notes '.repeat(12).trim();

    const notification = activityNotificationFor(teamsDocuments.stepAssigned({ ...base, request: { ...base.request, title } }));

    expect(notification.previewText.content.length).toBeLessThanOrEqual(150);
    expect(notification.previewText.content.endsWith('…')).toBe(true);
  });
});

describe('the Adaptive Card schema we validate against', () => {
  const valid: AdaptiveCard = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Open', url: decisionUrl }] }],
  };

  it('accepts our subset', () => {
    expect(AdaptiveCardSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['a button that acts in place (needs a bot)', { ...valid, actions: [{ type: 'Action.Execute', title: 'Approve', verb: 'approve' }] }, 'only Action.OpenUrl is allowed'],
    ['a javascript: link', { ...valid, body: [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'x', url: 'javascript:alert(1)' }] }] }, 'must be an http(s) URL'],
    ['another version', { ...valid, version: '1.2' }, 'version must be "1.5"'],
    ['an element outside the subset', { ...valid, body: [{ type: 'Input.Text', id: 'x' }] }, 'each body element must be a TextBlock, RichTextBlock, FactSet or ActionSet'],
    ['an unknown property', { ...valid, refresh: {} }, 'Unrecognized key'],
  ])('rejects %s', (_name, card, message) => {
    const result = AdaptiveCardSchema.safeParse(card);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join(' ')).toContain(message);
  });
});
