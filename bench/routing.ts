/**
 * Routing benchmark: plans 100,000 varied requests (seeded, so every run routes the same ones)
 * and reports the rate. Requests are built before the clock starts, so only planRoute is timed.
 */
import { performance } from 'node:perf_hooks';
import { REQUEST_TYPES, intakeRequestShapeSchema, planRoute, type IntakeRequest } from '../shared/domain';

const ROUTES = 100_000;
const SEED = 20250106;

// mulberry32: tiny, fast, and the same sequence on every machine.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomRequest(random: () => number): IntakeRequest {
  const yes = (chance = 0.3) => random() < chance;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const type = pick(REQUEST_TYPES);
  return intakeRequestShapeSchema.parse({
    type,
    title: 'Benchmark request',
    directorate: 'Digital',
    requester: { name: 'Bench Tester', email: 'bench.tester@example.nhs.uk' },
    product: { name: 'Example Tool', supplier: 'Example Ltd' },
    purpose: yes(0.95) ? 'Reduce admin time.' : '',
    benefits: 'Saves time.',
    successMeasures: 'Minutes saved.',
    estimatedCost: yes(0.5) ? Math.floor(random() * 100_000) : 0,
    data: {
      personal: yes(), specialCategory: yes(0.2), confidentialPatientInfo: yes(0.2), anonymised: yes(0.2),
      reidentificationRiskChecked: yes(0.8), usedForTraining: yes(0.2), legalBasis: yes(0.9) ? 'Direct care' : undefined,
      leavesUk: yes(0.1), recordCount: Math.floor(random() * 50_000),
    },
    use: {
      clinical: yes(0.2), healthcareProvision: yes(0.2), medicalDevice: yes(0.1), serviceChange: yes(0.2), staffImpact: yes(0.2),
      automatedDecisions: yes(0.1), humanReviewer: yes(0.9) ? 'Team lead' : undefined, installNeeded: yes(0.2), supplierAssured: yes(0.8),
    },
    national: { igAware: yes(0.8), nhseProcured: yes(0.8), assuranceDocuments: yes(0.8), nationalGuidance: yes(0.8) },
    attestations: {
      noPersonalData: yes(0.95), noBusinessSensitiveData: yes(0.95), nonClinicalOnly: yes(0.95), copyrightConsidered: yes(0.95),
      biasConsidered: yes(0.95), outputsVerified: yes(0.95), corporateDevicesOnly: yes(0.95), noUnauthorisedInstall: yes(0.95),
    },
    dpiaScreening: Array.from({ length: 10 }, () => yes(0.1)),
  });
}

export async function benchRouting(): Promise<Record<string, unknown>> {
  const random = seededRandom(SEED);
  const requests = Array.from({ length: ROUTES }, () => randomRequest(random));

  let refused = 0;
  let steps = 0;
  const start = performance.now();
  for (const request of requests) {
    const plan = planRoute(request);
    if (plan.outcome === 'refused') refused += 1;
    else steps += plan.stages.reduce((n, stage) => n + stage.length, 0);
  }
  const seconds = (performance.now() - start) / 1000;

  // Keeps the signature async for the bench runner, which awaits every benchmark.
  await Promise.resolve();
  return { routes: ROUTES, seconds: Number(seconds.toFixed(3)), routesPerSecond: Math.round(ROUTES / seconds), refused, stepsPlanned: steps };
}
