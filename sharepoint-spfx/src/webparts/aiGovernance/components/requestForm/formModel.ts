// The screening questions in the API's own wording (shared/domain/screening, through the contract).
import { DPIA_SCREENING_QUESTIONS, EQUALITY_GROUPS, EQUALITY_SCREENING_QUESTION } from '../../../../contract/generated/contract';
import type { IntakeDraft } from '../../../../services/AiGovernanceService';
import type { FieldMessage, IntakeRequestV1, RequestType } from '../../../../services/types';

/**
 * The request form as data: every question, when it applies, whether it is required, its plain
 * English help. Rendering, "only the questions that apply" and validation all read this one list,
 * so they cannot disagree. Answers are kept flat by the intake JSON's dotted path
 * (`data.legalBasis`, `dpiaScreening.3`).
 */

export type Answer = string | boolean | undefined;
export type Answers = Record<string, Answer>;

export type QuestionKind = 'requestType' | 'text' | 'multiline' | 'email' | 'money' | 'count' | 'yesNo' | 'promise';

export interface Question {
  path: string;
  kind: QuestionKind;
  label: string;
  help?: string;
  /** Short name used in the error summary, e.g. "Title". */
  name: string;
  section: SectionId;
  appliesWhen?: (a: Answers) => boolean;
  /** Optional questions are rare: safety facts never default to "no". */
  optional?: boolean;
}

export type SectionId = 'about' | 'promises' | 'national' | 'data' | 'use' | 'screening' | 'equality';

export const SECTIONS: { id: SectionId; title: string; intro: string }[] = [
  { id: 'about', title: 'About the request', intro: 'Tell us what you want to use and why. The policy asks every request to say its purpose, expected benefits and how success will be measured.' },
  { id: 'promises', title: 'Your promises for a free or generic tool', intro: 'Freely available tools can only be used for routine, non-clinical work. Tick each promise to confirm you will keep it (policy section 6.1, Freely Available AI Apps).' },
  { id: 'national', title: 'About the national function', intro: 'For a function bought or set up nationally, for example inside Microsoft 365.' },
  { id: 'data', title: 'The information the tool will use', intro: 'Using data to train or test a tool counts as using it, the same as any other processing.' },
  { id: 'use', title: 'How the tool will be used', intro: 'These answers decide which specialists need to look at the request.' },
  {
    id: 'screening',
    title: 'Data Protection Impact Assessment (DPIA) screening',
    intro: 'Ten questions from the policy (Appendix 2). If you answer yes to any of them, the Information Governance team will ask for a full Data Protection Impact Assessment.',
  },
  {
    id: 'equality',
    title: 'Equality screening',
    intro: 'Asked because the tool changes a service or affects patients or staff (the policy, Appendix 1). For each group protected by the Equality Act 2010, and for carers, say whether the tool could put it at a disadvantage. If it could, an equality lead makes sure a full Equality and Quality Impact Assessment is done before the tool is introduced.',
  },
];

export const REQUEST_TYPE_OPTIONS: { key: RequestType; text: string; help: string }[] = [
  { key: 'healthcare', text: 'A tool for use in healthcare', help: 'For example software that reads scans or helps decide on treatment.' },
  { key: 'research', text: 'A tool for research', help: 'Population or health research using artificial intelligence.' },
  { key: 'procured', text: 'Another tool or licence we would buy', help: 'For administrative work, such as summarising documents.' },
  { key: 'public-generic', text: 'A free or generic tool for routine work', help: 'Freely or commercially available tools, used without personal or sensitive data.' },
  { key: 'national', text: 'A function bought or set up nationally', help: 'For example an artificial intelligence feature provided through a national Microsoft agreement.' },
  { key: 'supplier-feature', text: 'New artificial intelligence features in a system we already use', help: 'A supplier has added, or plans to add, artificial intelligence to an existing system.' },
];

const isType = (...types: RequestType[]): ((a: Answers) => boolean) => (a: Answers): boolean => types.indexOf(a.type as RequestType) >= 0;
const isYes = (path: string): ((a: Answers) => boolean) => (a: Answers): boolean => a[path] === true;

const PROMISES: { key: string; label: string }[] = [
  { key: 'noPersonalData', label: 'I will not enter any personal data, such as names, NHS numbers or anything that could identify a patient or colleague.' },
  { key: 'noBusinessSensitiveData', label: 'I will not enter business-sensitive information, such as contracts, finances or unpublished plans.' },
  { key: 'nonClinicalOnly', label: 'I will use it for non-clinical work only, never to diagnose, treat or advise on care.' },
  { key: 'copyrightConsidered', label: 'I have thought about copyright and who owns what the tool produces.' },
  { key: 'biasConsidered', label: 'I will watch for biased, unfair or harmful content in what it produces.' },
  { key: 'outputsVerified', label: 'I will check every output for accuracy before I use it; I am responsible for it.' },
  { key: 'corporateDevicesOnly', label: 'I will use it on work devices only.' },
  { key: 'noUnauthorisedInstall', label: 'I will not install any software without permission from IT.' },
];

const notPublicGeneric = (a: Answers): boolean => a.type !== undefined && a.type !== 'public-generic';

/** A yes to a question that is shown (a hidden question's old answer is not sent). */
const answeredYes = (a: Answers, path: string): boolean => {
  const q = questionByPath(path);
  return q !== undefined && applies(q, a) && a[path] === true;
};
// The equality screening is asked when the tool changes a service or affects patients or staff,
// as the API's intake rule says (shared/domain/screening/equalityGate.ts).
// A free or generic tool may not be used with patients at all, so for it only the first two count.
const EQUALITY_ASKED_BY = ['use.serviceChange', 'use.staffImpact'];
const PATIENTS_AFFECTED_BY = ['use.clinical', 'use.healthcareProvision', 'use.medicalDevice'];
export const equalityScreeningAsked = (a: Answers): boolean =>
  EQUALITY_ASKED_BY.some((path) => answeredYes(a, path)) || (a.type !== 'public-generic' && PATIENTS_AFFECTED_BY.some((path) => answeredYes(a, path)));

export const QUESTIONS: Question[] = [
  { path: 'type', kind: 'requestType', section: 'about', name: 'Kind of request', label: 'What kind of request is this?', help: 'Choose the closest match. It decides which questions follow. Using a tool that is already approved needs no request: search the register instead.' },
  { path: 'title', kind: 'text', section: 'about', name: 'Title', label: 'Short title', help: 'A few words that will identify the request, for example "Chest X-ray reading support".' },
  { path: 'directorate', kind: 'text', section: 'about', name: 'Directorate', label: 'Your directorate or team' },
  { path: 'requester.name', kind: 'text', section: 'about', name: 'Your name', label: 'Your name' },
  { path: 'requester.email', kind: 'email', section: 'about', name: 'Your email address', label: 'Your work email address', help: 'We send updates about the request here.' },
  { path: 'product.name', kind: 'text', section: 'about', name: 'Product name', label: 'Name of the tool or product' },
  { path: 'product.supplier', kind: 'text', section: 'about', name: 'Supplier', label: 'Supplier', help: 'The company or organisation that provides it.' },
  { path: 'purpose', kind: 'multiline', section: 'about', name: 'Purpose', label: 'What will it be used for?', help: 'Describe the task in plain words, as you would to a patient or colleague.' },
  { path: 'benefits', kind: 'multiline', section: 'about', name: 'Expected benefits', label: 'What benefits do you expect?', help: 'For example time saved, shorter waits or fewer errors.' },
  { path: 'successMeasures', kind: 'multiline', section: 'about', name: 'How success will be measured', label: 'How will you know it is working?', help: 'Say what you will measure and when, so the benefit can be checked later.' },
  { path: 'estimatedCost', kind: 'money', section: 'about', name: 'Estimated cost', label: 'Estimated cost in pounds', help: 'Enter 0 if it is free. A cost above zero needs Finance and Procurement to agree the purchase.' },

  ...PROMISES.map((p): Question => ({ path: `attestations.${p.key}`, kind: 'promise', section: 'promises', name: `Promise: ${p.label}`, label: p.label, appliesWhen: isType('public-generic') })),

  { path: 'national.igAware', kind: 'yesNo', section: 'national', name: 'Information Governance already aware', label: 'Does the Information Governance team already know about this national function?', appliesWhen: isType('national') },
  { path: 'national.nhseProcured', kind: 'yesNo', section: 'national', name: 'Bought by NHS England', label: 'Did NHS England buy it and offer it for local use?', appliesWhen: isType('national') },
  { path: 'national.assuranceDocuments', kind: 'yesNo', section: 'national', name: 'National assurance documents', label: 'Are national assurance documents available?', help: 'For example a national Data Protection Impact Assessment or security assessment.', appliesWhen: isType('national') },
  { path: 'national.nationalGuidance', kind: 'yesNo', section: 'national', name: 'National guidance', label: 'Is there national guidance on how to use it?', appliesWhen: isType('national') },

  { path: 'data.personal', kind: 'yesNo', section: 'data', name: 'Personal data', label: 'Will the tool use personal data?', help: 'Anything that can identify a living person, such as a name, NHS number, email address or a photo.' },
  { path: 'data.specialCategory', kind: 'yesNo', section: 'data', name: 'Special category data', label: 'Will it use special category data, such as health records?', help: 'Health, ethnicity, religion, sexuality, genetic or biometric information.', appliesWhen: isYes('data.personal') },
  { path: 'data.confidentialPatientInfo', kind: 'yesNo', section: 'data', name: 'Confidential patient information', label: 'Will it use confidential patient information?', help: 'Information about a patient\'s care that was given in confidence.', appliesWhen: isYes('data.personal') },
  { path: 'data.legalBasis', kind: 'multiline', section: 'data', name: 'Legal basis', label: 'What is the legal basis for using the personal data?', help: 'The lawful reason under data protection law, for example "provision of health care". Ask the Information Governance team if you are not sure.', appliesWhen: isYes('data.personal') },
  { path: 'data.recordCount', kind: 'count', section: 'data', name: 'Number of people\'s records', label: 'About how many people\'s records will it use?', help: 'An estimate is fine. Enter 0 if none.', appliesWhen: (a) => a['data.personal'] === true || a['data.anonymised'] === true },
  { path: 'data.anonymised', kind: 'yesNo', section: 'data', name: 'Anonymised data', label: 'Will it use anonymised data about people?', help: 'Data with names and numbers removed. It can still identify someone, for example a young person with a rare disease in a small area.' },
  { path: 'data.reidentificationRiskChecked', kind: 'yesNo', section: 'data', name: 'Risk of identifying people checked', label: 'Have you checked whether people could be identified from the anonymised data?', appliesWhen: isYes('data.anonymised') },
  { path: 'data.usedForTraining', kind: 'yesNo', section: 'data', name: 'Data used to train or test', label: 'Will any of our data be used to train or test the tool?' },
  { path: 'data.leavesUk', kind: 'yesNo', section: 'data', name: 'Data leaves the United Kingdom', label: 'Will any data be stored or processed outside the United Kingdom?' },

  { path: 'use.clinical', kind: 'yesNo', section: 'use', name: 'Clinical use', label: 'Will it be used for anything clinical?', help: 'Anything that affects a patient\'s diagnosis, treatment or care.' },
  { path: 'use.healthcareProvision', kind: 'yesNo', section: 'use', name: 'Healthcare provision', label: 'Will it support the delivery of healthcare?', help: 'For example reading images, triaging referrals or booking care.', appliesWhen: notPublicGeneric },
  { path: 'use.medicalDevice', kind: 'yesNo', section: 'use', name: 'Medical device', label: 'Is it a medical device?', help: 'Software meant to diagnose, prevent, monitor or treat illness can be a medical device. The supplier will know if it is registered as one.', appliesWhen: (a) => a['use.clinical'] === true || a['use.healthcareProvision'] === true || a.type === 'healthcare' },
  { path: 'use.serviceChange', kind: 'yesNo', section: 'use', name: 'Service change', label: 'Will it change how a service works?', help: 'For example a new way of booking appointments or a different process for staff.' },
  { path: 'use.staffImpact', kind: 'yesNo', section: 'use', name: 'Effect on staff', label: 'Will it affect staff roles or ways of working?', help: 'If so, staff and trade union representatives must be consulted before it starts.' },
  { path: 'use.automatedDecisions', kind: 'yesNo', section: 'use', name: 'Automated decisions', label: 'Will it make decisions about people that have legal or similarly significant effects?', help: 'For example deciding who gets an appointment or a service. The law requires a person to review such decisions.' },
  { path: 'use.humanReviewer', kind: 'text', section: 'use', name: 'Who reviews its outputs', label: 'Who will review its outputs before they affect anyone?', help: 'Name the role, for example "the consultant radiologist on duty".', appliesWhen: isYes('use.automatedDecisions') },
  { path: 'use.installNeeded', kind: 'yesNo', section: 'use', name: 'Software to install', label: 'Does any software need to be installed on our devices?' },
  { path: 'use.supplierAssured', kind: 'yesNo', section: 'use', name: 'Supplier already assured', label: 'Has the supplier already been checked and approved by us or nationally?', help: 'For example through an existing contract or a national framework. Answer no if you do not know.' },

  ...DPIA_SCREENING_QUESTIONS.map((q, i): Question => ({ path: `dpiaScreening.${i}`, kind: 'yesNo', section: 'screening', name: `Screening question ${q.number}`, label: `${q.number}. ${q.question}`, help: q.examples })),

  ...([] as Question[]).concat(...EQUALITY_GROUPS.map((g): Question[] => [
    { path: `equalityScreening.${g.key}.disadvantage`, kind: 'yesNo', section: 'equality', name: `Equality screening: ${g.name.toLowerCase()}`, label: `${g.name}. ${EQUALITY_SCREENING_QUESTION}`, help: g.meaning, appliesWhen: equalityScreeningAsked },
    {
      path: `equalityScreening.${g.key}.mitigation`,
      kind: 'multiline',
      section: 'equality',
      name: `How the disadvantage for ${g.name.toLowerCase()} is reduced`,
      label: `${g.name}: how is the disadvantage reduced, or will it be? If it cannot be, say why.`,
      appliesWhen: (a) => equalityScreeningAsked(a) && a[`equalityScreening.${g.key}.disadvantage`] === true,
    },
  ])),
];

export function applies(question: Question, answers: Answers): boolean {
  return question.appliesWhen ? question.appliesWhen(answers) : true;
}

/** The questions shown now: the request type first decides everything else. */
export function applicableQuestions(answers: Answers): Question[] {
  if (answers.type === undefined) return QUESTIONS.filter((q) => q.path === 'type');
  return QUESTIONS.filter((q) => applies(q, answers));
}

/** The id of the element the error summary links to (the input, or the group of radio buttons). */
export function fieldDomId(path: string): string {
  return `aig-field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(a: Answers, path: string): string {
  const v = a[path];
  return typeof v === 'string' ? v.trim() : '';
}

/** Every problem with the answers, in the order the questions appear; empty when the form can go. */
export function validate(answers: Answers): FieldMessage[] {
  const problems: FieldMessage[] = [];
  for (const q of applicableQuestions(answers)) {
    const v = answers[q.path];
    switch (q.kind) {
      case 'requestType':
        if (v === undefined) problems.push({ field: q.path, message: 'Choose what kind of request this is' });
        break;
      case 'text':
      case 'multiline':
        if (!q.optional && text(answers, q.path) === '') problems.push({ field: q.path, message: `Enter ${q.name.toLowerCase()}` });
        break;
      case 'email':
        if (text(answers, q.path) === '') problems.push({ field: q.path, message: `Enter ${q.name.toLowerCase()}` });
        else if (!EMAIL.test(text(answers, q.path))) problems.push({ field: q.path, message: `Enter ${q.name.toLowerCase()} in the right format, like name@example.nhs.uk` });
        break;
      case 'money':
      case 'count': {
        const s = text(answers, q.path).replace(/[£,]/g, '');
        if (s === '') problems.push({ field: q.path, message: `Enter ${q.name.toLowerCase()}${q.kind === 'money' ? ', or 0 if it is free' : ', or 0 if none'}` });
        else if (!(q.kind === 'money' ? /^\d+(\.\d{1,2})?$/ : /^\d+$/).test(s)) problems.push({ field: q.path, message: `${q.name} must be a ${q.kind === 'money' ? 'number of pounds, like 1200 or 0' : 'whole number, like 500 or 0'}` });
        break;
      }
      case 'yesNo':
        if (v !== true && v !== false) problems.push({ field: q.path, message: `Answer yes or no: ${q.name.toLowerCase()}` });
        break;
      case 'promise':
        if (v !== true) problems.push({ field: q.path, message: `Tick to confirm the promise: ${q.label}` });
        break;
    }
  }
  return problems;
}

function bool(a: Answers, path: string): boolean {
  return a[path] === true;
}

function num(a: Answers, path: string): number {
  const s = text(a, path).replace(/[£,]/g, '');
  return s === '' ? 0 : Number(s);
}

/** The intake JSON, version 1. Questions that do not apply are sent as "no" (or 0, or left out). */
export function toIntakeRequest(a: Answers): IntakeRequestV1 {
  const on = (path: string): boolean => {
    const q = QUESTIONS.find((x) => x.path === path);
    return q !== undefined && applies(q, a) && bool(a, path);
  };
  const type = a.type as RequestType;
  const common = {
    version: 1 as const,
    title: text(a, 'title'),
    directorate: text(a, 'directorate'),
    requester: { name: text(a, 'requester.name'), email: text(a, 'requester.email') },
    product: { name: text(a, 'product.name'), supplier: text(a, 'product.supplier') },
    purpose: text(a, 'purpose'),
    benefits: text(a, 'benefits'),
    successMeasures: text(a, 'successMeasures'),
    estimatedCost: num(a, 'estimatedCost'),
    data: {
      personal: on('data.personal'),
      specialCategory: on('data.specialCategory'),
      confidentialPatientInfo: on('data.confidentialPatientInfo'),
      anonymised: on('data.anonymised'),
      reidentificationRiskChecked: on('data.reidentificationRiskChecked'),
      usedForTraining: on('data.usedForTraining'),
      legalBasis: on('data.personal') ? text(a, 'data.legalBasis') : undefined,
      leavesUk: on('data.leavesUk'),
      recordCount: on('data.personal') || on('data.anonymised') ? num(a, 'data.recordCount') : 0,
    },
    use: {
      clinical: on('use.clinical'),
      healthcareProvision: on('use.healthcareProvision'),
      medicalDevice: on('use.medicalDevice'),
      serviceChange: on('use.serviceChange'),
      staffImpact: on('use.staffImpact'),
      automatedDecisions: on('use.automatedDecisions'),
      humanReviewer: on('use.automatedDecisions') ? text(a, 'use.humanReviewer') : undefined,
      installNeeded: on('use.installNeeded'),
      supplierAssured: on('use.supplierAssured'),
    },
    dpiaScreening: DPIA_SCREENING_QUESTIONS.map((_, i) => bool(a, `dpiaScreening.${i}`)),
    ...(equalityScreeningAsked(a) ? { equalityScreening: equalityAnswers(a) } : {}),
  };
  // The request is a union on its type: only a national request has `national`, only a free or generic one `attestations`.
  if (type === 'national') {
    return {
      type,
      ...common,
      national: {
        igAware: on('national.igAware'),
        nhseProcured: on('national.nhseProcured'),
        assuranceDocuments: on('national.assuranceDocuments'),
        nationalGuidance: on('national.nationalGuidance'),
      },
    };
  }
  if (type === 'public-generic') {
    return {
      type,
      ...common,
      attestations: {
        noPersonalData: on('attestations.noPersonalData'),
        noBusinessSensitiveData: on('attestations.noBusinessSensitiveData'),
        nonClinicalOnly: on('attestations.nonClinicalOnly'),
        copyrightConsidered: on('attestations.copyrightConsidered'),
        biasConsidered: on('attestations.biasConsidered'),
        outputsVerified: on('attestations.outputsVerified'),
        corporateDevicesOnly: on('attestations.corporateDevicesOnly'),
        noUnauthorisedInstall: on('attestations.noUnauthorisedInstall'),
      },
    };
  }
  return { type, ...common };
}

function equalityAnswers(a: Answers): NonNullable<IntakeRequestV1['equalityScreening']> {
  const answers: Record<string, { disadvantage: boolean; mitigation?: string }> = {};
  for (const g of EQUALITY_GROUPS) {
    const disadvantage = bool(a, `equalityScreening.${g.key}.disadvantage`);
    answers[g.key] = disadvantage ? { disadvantage, mitigation: text(a, `equalityScreening.${g.key}.mitigation`) } : { disadvantage };
  }
  return answers as NonNullable<IntakeRequestV1['equalityScreening']>;
}

/** An unfinished form in the intake shape, with unanswered questions left out. */
export function toDraft(a: Answers): IntakeDraft {
  const draft: Record<string, unknown> = {};
  for (const path of Object.keys(a)) {
    const value = a[path];
    if (value === undefined || value === '') continue;
    const keys = path.split('.');
    let node = draft;
    keys.slice(0, -1).forEach((k: string, i: number) => {
      if (node[k] === undefined) node[k] = /^\d+$/.test(keys[i + 1]) ? [] : {};
      node = node[k] as Record<string, unknown>;
    });
    const last = keys[keys.length - 1];
    node[/^\d+$/.test(last) ? Number(last) : last] = value;
  }
  return draft as IntakeDraft;
}

/** Flattens a saved draft (or a full request) back into answers. */
export function fromDraft(draft: IntakeDraft | IntakeRequestV1): Answers {
  const answers: Answers = {};
  const walk = (value: unknown, prefix: string): void => {
    if (value === null || value === undefined) return;
    if (typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const k of Object.keys(record)) walk(record[k], prefix === '' ? k : `${prefix}.${k}`);
    } else if (typeof value === 'boolean' || typeof value === 'string') {
      answers[prefix] = value;
    } else if (typeof value === 'number') {
      answers[prefix] = String(value);
    }
  };
  walk(draft, '');
  delete answers.version;
  return answers;
}

export function questionByPath(path: string): Question | undefined {
  return QUESTIONS.find((q) => q.path === path);
}
