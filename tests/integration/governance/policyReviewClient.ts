import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeProcess } from '../../support/runtime';

/** What the review tests read: the dev mailbox, the policy API and the Durable API, over HTTP. */
export interface Mail {
  id: number;
  to: string[];
  subject: string;
  text: string;
  date: string;
  links: string[];
}

export const mails = async (rt: RuntimeProcess, subject: RegExp = /./): Promise<Mail[]> =>
  ((await (await fetch(`${rt.origin}/dev/mailbox/messages.json`)).json()) as Mail[]).filter((m) => subject.test(m.subject)).sort((a, b) => a.id - b.id);

/** Each message as "date subject", oldest first: easy to compare with what the policy implies. */
export const timeline = (messages: Mail[]): string[] => messages.map((m) => `${m.date.slice(0, 10)} ${m.subject}`);

export interface PolicyView {
  id: number;
  version: string;
  approvedOn: string;
  nextReviewDue: string;
  reviewIntervalMonths: number;
  cycle: { cycle: number; remindersSent: string[]; nextMilestone: { label: string; at: string } | null } | null;
  history: { at: string; what: string }[];
}

export const policy = async (rt: RuntimeProcess, id: number): Promise<PolicyView> => (await (await fetch(`${rt.origin}/api/policies/${id}`)).json()) as PolicyView;

export const recordReview = (rt: RuntimeProcess, id: number, body: unknown): Promise<Response> =>
  fetch(`${rt.origin}/api/policies/${id}/reviews`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export interface InstanceStatus {
  instanceId: string;
  runtimeStatus: string;
  createdTime: string;
  customStatus: { cycle?: number; dueDate?: string; handled?: string[]; answered?: string[] } | null;
  history?: unknown[];
}

export const instance = async (rt: RuntimeProcess, id: string, history = false): Promise<InstanceStatus | undefined> => {
  const res = await fetch(`${rt.origin}/runtime/webhooks/durabletask/instances/${id}${history ? '?showHistory=true' : ''}`);
  return res.status === 404 ? undefined : ((await res.json()) as InstanceStatus);
};

/** Moves the saved virtual clock of a stopped runtime, as if the machine had been off until `iso`. */
export function setStoppedClock(dataDir: string, iso: string): void {
  writeFileSync(join(dataDir, 'virtual-clock.json'), JSON.stringify({ now: Date.parse(iso) }));
}
