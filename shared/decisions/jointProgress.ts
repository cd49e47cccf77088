import { ROLE_NAMES, STEP_NAMES, type RoleCode, type StepCode } from '../domain';
import type { ApprovalTaskItem } from '../sharepoint';

/** A joint step as its task rows stand now: who has decided (and what), and who is still to decide. */
export interface JointStepProgress {
  code: string;
  name: string;
  attempt: number;
  decided: { role: string; outcome: string; by: string | null; at: string | null }[];
  stillToDecide: string[];
}

type Row = Pick<ApprovalTaskItem, 'StepCode' | 'Attempt' | 'RoleCode' | 'Status' | 'Outcome' | 'RespondedById' | 'RespondedAt'>;

/**
 * A joint step (`deciders: "all"`) has one task row per role, so any step attempt with more than
 * one row is joint. A row closed without a decision (cancelled) is neither decided nor awaited.
 */
export async function jointStepProgress(rows: readonly Row[], emailOf: (personId: number) => Promise<string>): Promise<JointStepProgress[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${row.StepCode}/${row.Attempt ?? 1}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const joint = [...groups.values()].filter((group) => group.length > 1);
  return Promise.all(
    joint.map(async (group) => {
      const decided = group.filter((r) => r.Outcome);
      return {
        code: group[0].StepCode,
        name: STEP_NAMES[group[0].StepCode as StepCode] ?? group[0].StepCode,
        attempt: group[0].Attempt ?? 1,
        decided: await Promise.all(
          decided.map(async (r) => ({ role: roleName(r.RoleCode), outcome: r.Outcome!, by: r.RespondedById ? await emailOf(r.RespondedById) : null, at: r.RespondedAt ?? null })),
        ),
        stillToDecide: group.filter((r) => !r.Outcome && r.Status !== 'Cancelled').map((r) => roleName(r.RoleCode)),
      };
    }),
  );
}

const roleName = (code: string): string => ROLE_NAMES[code as RoleCode] ?? code;
