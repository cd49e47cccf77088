import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chaosSummary, runChaos } from './chaos/chaosRun';

/**
 * `npm run chaos [-- --kills N --requests R --seed S]`: approvals, a policy review reminder and
 * incidents with N random SIGKILLs and restarts of the local host. Reports lost decisions, lost
 * and duplicate messages and stuck work; the last line is `chaos: …`; exit code 1 when anything
 * was lost or stuck, or there was more than one duplicate per kill.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { kills: { type: 'string', default: '20' }, requests: { type: 'string' }, seed: { type: 'string', default: '7' } } });
  const kills = Number(values.kills);
  const requests = values.requests ? Number(values.requests) : Math.max(3, Math.ceil(kills / 4));
  if (!Number.isInteger(kills) || kills < 0 || !Number.isInteger(requests) || requests < 1) throw new Error('--kills and --requests take whole numbers.');
  const report = await runChaos(resolve(__dirname, '..', '..'), { kills, requests, seed: Number(values.seed), log: (line) => console.log(line) });
  for (const line of [...report.lostDecisions, ...report.lostMessages.map((m) => `lost: ${m}`), ...report.duplicateMessages.map((m) => `twice: ${m}`), ...report.stuck]) console.log(line);
  console.log(chaosSummary(report));
  const failed = report.lostDecisions.length + report.lostMessages.length + report.stuck.length > 0 || report.duplicateMessages.length > Math.max(report.kills, 0);
  process.exitCode = failed ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  console.log('chaos: did not run');
  process.exit(1);
});
