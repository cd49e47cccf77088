import type { AdaptiveCard, OpenUrlAction } from '../../../shared/notify/teams';

export { activityNotificationFor, AdaptiveCardSchema, approvalCard, isTeamsKind, teamsDocuments, type AdaptiveCard, type TeamsKind } from '../../../shared/notify/teams';

/** Every button of a card in order (body ActionSets, then card actions). */
export function cardLinksForTest(card: AdaptiveCard): OpenUrlAction[] {
  return [...card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : [])), ...(card.actions ?? [])];
}
