import * as df from 'durable-functions';
import type { OrchestrationContext, OrchestrationHandler } from 'durable-functions';
import { breachDeadlines } from '../../shared/domain/deadlines/incidentDeadlines';
import type { BreachReportSignal } from '../../shared/incidents/incidentSignals';
import type { AnnounceBreachInput, AnnounceBreachOutput, IncidentBreachInput, IncidentBreachResult, RemindBreachReportInput, RemindOutput } from './contracts';
import { waitForEventOrTimeout } from '../humanInteraction';
import { INCIDENT_ACTIVITY, INCIDENT_EVENT, INCIDENT_ORCHESTRATOR } from './names';

/**
 * The regulator deadline of a personal data breach (UK GDPR Article 33): 72 hours from awareness.
 * The Head of Safe Practice is told at once and reminded at 24, 48 and 66 hours, and told again
 * (with the Senior Information Risk Owner) when the deadline passes, until someone records that it
 * was reported through the Data Security and Protection Toolkit, or why it is not reportable.
 * Nothing is decided by the clock: after the deadline the wait simply goes on.
 */
export const incidentBreachReport: OrchestrationHandler = function* (context: OrchestrationContext) {
  const { incidentId, awareAt } = context.df.getInput<IncidentBreachInput>();
  const instanceId = context.df.instanceId;
  const deadlines = breachDeadlines(awareAt);
  const done = (value: BreachReportSignal['outcome']): IncidentBreachResult => {
    context.df.setCustomStatus({ state: 'recorded', outcome: value });
    return { outcome: value };
  };

  const announce: AnnounceBreachInput = { incidentId, instanceId, awareAt: deadlines.awareAt, deadlineAt: deadlines.regulatorDeadlineAt, at: context.df.currentUtcDateTime.toISOString() };
  const announced = (yield context.df.callActivity(INCIDENT_ACTIVITY.announceBreach, announce)) as AnnounceBreachOutput;
  if (announced.recorded) return done(announced.value);

  for (const milestone of deadlines.milestones) {
    // A breach reported late skips the reminders already past; the first message said how late.
    if (Date.parse(milestone.at) <= context.df.currentUtcDateTime.getTime()) continue;
    context.df.setCustomStatus({ state: 'waiting', regulatorDeadlineAt: deadlines.regulatorDeadlineAt, next: milestone.at });
    const answer = yield* waitForEventOrTimeout<BreachReportSignal>(context, [INCIDENT_EVENT.breachReportRecorded], new Date(milestone.at));
    if (answer.kind === 'event') return done(answer.value.outcome);
    const remind: RemindBreachReportInput = {
      incidentId,
      instanceId,
      milestone: milestone.kind,
      hoursAfterAwareness: milestone.hoursAfterAwareness,
      awareAt: deadlines.awareAt,
      deadlineAt: deadlines.regulatorDeadlineAt,
      at: context.df.currentUtcDateTime.toISOString(),
    };
    const reminded = (yield context.df.callActivity(INCIDENT_ACTIVITY.remindBreachReport, remind)) as RemindOutput;
    if (reminded.recorded) return done(reminded.value as BreachReportSignal['outcome']);
  }

  context.df.setCustomStatus({ state: 'overdue', regulatorDeadlineAt: deadlines.regulatorDeadlineAt });
  const answer = (yield context.df.waitForExternalEvent(INCIDENT_EVENT.breachReportRecorded)) as BreachReportSignal;
  return done(answer.outcome);
};

df.app.orchestration(INCIDENT_ORCHESTRATOR.incidentBreachReport, incidentBreachReport);
