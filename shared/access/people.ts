/** Email addresses name people; SharePoint and sign-in differ in case and stray spaces. */
export function samePerson(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * No self-approval (AI Policy, section 5): of the people who may act, in order, the first who is
 * not the requester. Used wherever a step, a reminder or an escalation picks a person.
 */
export function firstWhoIsNotTheRequester<P extends { email: string }>(candidates: readonly (P | undefined)[], requesterEmail: string): P | undefined {
  return candidates.find((p): p is P => p !== undefined && !samePerson(p.email, requesterEmail));
}
