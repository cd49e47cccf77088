import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { z } from 'zod';
import { DECISION_OUTCOMES, REFERENCE_LABELS, type ReferenceField } from '../../shared/domain';
import { appDecisionService } from '../../shared/decisions/appDecisionService';
import { REFUSAL_TEXT } from '../../shared/decisions/decisionPages';
import { decisionTokenProblemText, signDecisionToken } from '../../shared/security/decisionToken';
import { ItemNotFoundError } from '../../shared/sharepoint';
import { appClock } from '../../shared/time';
import { appServices } from '../../app/services';
import { badRequest, isResponse } from '../../shared/web/http';
import { readJsonAs } from '../../shared/web/jsonRequest';
import { signedInOr401 } from '../../shared/web/signIn';
import { stepDelivery } from '../../shared/decisions/claimedDecisions';
import { heldAs } from '../../shared/access/taskHolders';

const bodySchema = z.object({
  taskId: z.coerce.number({ error: 'give the task id, a whole number' }).int('give the task id, a whole number').positive('give the task id, a whole number'),
  outcome: z.enum(DECISION_OUTCOMES, { error: 'choose what you decide' }),
  comments: z.string({ error: 'give comments as text' }).max(4000, 'keep comments under 4,000 characters').default(''),
  checklist: z
    .array(
      z.object({
        itemId: z.string({ error: 'give the checklist item id' }).min(1, 'give the checklist item id'),
        confirmed: z.boolean({ error: 'answer true or false: is this item confirmed?' }),
        reasonIfNot: z.string({ error: 'give the reason as text' }).max(4000, 'keep the reason under 4,000 characters').optional(),
      }),
      { error: 'give the checklist answers as a list' },
    )
    .max(50, 'the checklist has fewer items than that')
    .default([]),
  channel: z.literal('web', { error: 'decisions from the web part have the channel "web"' }).optional(),
  /** The step's references (dpiaReference, dtacReference, dtacDate, the DTAC areas, irasNumber, ethicsCommitteeReference); checked by the decision service. */
  references: z.partialRecord(z.enum(Object.keys(REFERENCE_LABELS) as [ReferenceField, ...ReferenceField[]], { error: 'that is not a reference this form takes' }), z.string({ error: 'give the reference as text' }).max(100, 'keep the reference to 100 characters or fewer')).default({}),
});

// Long enough for the one decision below; the link is never sent anywhere.
const INBOX_LINK_TTL_HOURS = 1;

/**
 * `POST /api/decisions`: the approver inbox decides a step. The signed-in approver must hold the
 * step (assignee, another role of a shared step, or the deputy it was escalated to). The decision then goes through the same
 * service as an emailed link, with a link made for this person on the spot, so the rules are the
 * same everywhere: no self-approval, one decision per step, checklist and comments as the policy
 * asks.
 */
export async function decideFromInbox(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const email = signedInOr401(request);
  if (isResponse(email)) return email;
  const services = appServices();
  const parsed = await readJsonAs(request, services.settings, bodySchema, 'send the decision as JSON: taskId, outcome, comments, checklist');
  if (isResponse(parsed)) return parsed;
  const decision = parsed.data;

  let row;
  try {
    row = await services.repos.approvalTasks.get(decision.taskId);
  } catch (err) {
    if (err instanceof ItemNotFoundError) return { status: 404, jsonBody: { error: `There is no task ${decision.taskId}.` } };
    throw err;
  }
  const me = await services.people.idFor(email);
  if (heldAs(row, me) === undefined) {
    return { status: 403, jsonBody: { error: 'You do not hold this step: it is not assigned to you, shared with you or passed to you.' } };
  }
  if (!row.InstanceId) return { status: 409, jsonBody: { error: REFUSAL_TEXT['step-closed'].text } };

  const now = appClock.now();
  const token = signDecisionToken(
    { requestId: String(row.RequestId), stepCode: row.StepCode, approverEmail: email, tokenId: `${row.InstanceId}/${email}/${now.toISOString()}` },
    { keys: services.settings.DECISION_SIGNING_KEYS, now, ttlHours: INBOX_LINK_TTL_HOURS },
  );
  const form: Record<string, string> = { outcome: decision.outcome, comments: decision.comments, ...decision.references };
  for (const item of decision.checklist) {
    if (item.confirmed) form[`confirm:${item.itemId}`] = 'yes';
    if (item.reasonIfNot) form[`reason:${item.itemId}`] = item.reasonIfNot;
  }

  const result = await appDecisionService(services, stepDelivery(df.getClient(context))).decide(token, form, email, 'web');

  if (result.ok) return { status: 200, jsonBody: { taskId: String(row.Id), outcome: result.outcome } };
  if ('invalid' in result) return badRequest(result.invalid);
  // Only the decision page asks for a confirmation (decide's confirmRejection); the inbox's call never gets one.
  if (!('refusal' in result)) return badRequest([{ field: 'outcome', message: 'confirm the rejection' }]);
  const { refusal } = result;
  const text = refusal.kind === 'link' ? decisionTokenProblemText[refusal.problem] : REFUSAL_TEXT[refusal.kind].text;
  return { status: refusal.kind === 'self-approval' ? 403 : 409, jsonBody: { error: text, refusal: refusal.kind } };
}

app.http('decideFromInbox', {
  methods: ['POST'],
  route: 'decisions',
  authLevel: 'anonymous',
  extraInputs: [df.input.durableClient()],
  handler: decideFromInbox,
});
