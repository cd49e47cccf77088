import type { IntakeRequest, RequestType } from '../schemas/intakeRequest';

/** Facts derived from more than one answer, named once so every rule means the same thing by them. */

// §6.1: special category and confidential patient information are personal data too.
export function usesPersonalData(request: IntakeRequest): boolean {
  return request.data.personal || request.data.specialCategory || request.data.confidentialPatientInfo;
}

// "Healthcare provision" includes every request of type healthcare, whose example is image reading.
export function supportsHealthcareProvision(request: IntakeRequest): boolean {
  return request.type === 'healthcare' || request.use.healthcareProvision;
}

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

export const REQUEST_TYPE_DESCRIPTIONS: Record<RequestType, string> = {
  healthcare: 'an artificial intelligence product for use in healthcare',
  research: 'artificial intelligence for population or health research',
  procured: 'an artificial intelligence product bought for the organisation',
  'public-generic': 'a free or generic artificial intelligence tool for routine work',
  national: 'a nationally bought artificial intelligence function',
  'supplier-feature': 'new artificial intelligence features in an existing system',
};

/** £1,250.50 — written out by hand so the text never depends on the machine's locale data. */
export function formatPounds(amount: number): string {
  const [whole, pence] = amount.toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return pence === '00' ? `£${grouped}` : `£${grouped}.${pence}`;
}

export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
