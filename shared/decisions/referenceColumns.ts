import { decisionReferencesSchema, DTAC_AREAS, DTAC_RESULT_LABELS, REFERENCE_LABELS, type DecisionReferences, type ReferenceField } from '../domain';
import type { ItemFields } from '../sharepoint/lists/listDefinition';
import type { aiRequestsList } from '../sharepoint/lists/aiRequests';
import type { AiRequestItem } from '../sharepoint';

type RequestColumns = Partial<ItemFields<typeof aiRequestsList>>;

const area = (v: string | undefined) => (v === 'met' || v === 'not-met' ? DTAC_RESULT_LABELS[v] : undefined);

/**
 * The AI Requests columns a decision's references fill in; a reference not given leaves its
 * column as it is, and so does one equal to what `written` says was written before.
 */
export function requestColumnsFor(refs: DecisionReferences, written: DecisionReferences = {}): RequestColumns {
  const changed = Object.fromEntries(Object.entries(refs).filter(([field, value]) => written[field as keyof DecisionReferences] !== value)) as DecisionReferences;
  return columnsOf(changed);
}

function columnsOf(refs: DecisionReferences): RequestColumns {
  const columns: RequestColumns = {
    DpiaReference: refs.dpiaReference,
    DtacReference: refs.dtacReference,
    DtacDate: refs.dtacDate ? `${refs.dtacDate}T00:00:00Z` : undefined,
    DtacClinicalSafety: area(refs.dtacClinicalSafety),
    DtacDataProtection: area(refs.dtacDataProtection),
    DtacTechnicalSecurity: area(refs.dtacTechnicalSecurity),
    DtacInteroperability: area(refs.dtacInteroperability),
    DtacUsabilityAccessibility: area(refs.dtacUsabilityAccessibility),
    IrasNumber: refs.irasNumber,
    EthicsCommitteeReference: refs.ethicsCommitteeReference,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

/** The references recorded on a request, as label and value for a page, in the order people read them. */
export function referencesOfRequest(item: AiRequestItem): { field: ReferenceField; label: string; value: string }[] {
  const values: Record<ReferenceField, string | null | undefined> = {
    dpiaReference: item.DpiaReference,
    dtacReference: item.DtacReference,
    dtacDate: item.DtacDate?.slice(0, 10),
    dtacClinicalSafety: item.DtacClinicalSafety,
    dtacDataProtection: item.DtacDataProtection,
    dtacTechnicalSecurity: item.DtacTechnicalSecurity,
    dtacInteroperability: item.DtacInteroperability,
    dtacUsabilityAccessibility: item.DtacUsabilityAccessibility,
    irasNumber: item.IrasNumber,
    ethicsCommitteeReference: item.EthicsCommitteeReference,
  };
  return (Object.keys(REFERENCE_LABELS) as ReferenceField[]).flatMap((field) => {
    const value = values[field];
    const label = field in DTAC_AREAS ? `DTAC ${REFERENCE_LABELS[field].toLowerCase()}` : REFERENCE_LABELS[field];
    return value ? [{ field, label, value }] : [];
  });
}

export function referencesToJson(refs: DecisionReferences): string | null {
  return Object.keys(refs).length === 0 ? null : JSON.stringify(refs);
}

/** An unreadable value (edited by hand on the list) reads as no references. */
export function referencesFromJson(json: string | null | undefined): DecisionReferences {
  if (!json) return {};
  try {
    const parsed = decisionReferencesSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
