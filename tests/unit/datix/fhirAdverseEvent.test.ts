import { toFhirAdverseEvent } from '../../../shared/datix/fhirAdverseEvent';
import { validateR4 } from './fhirR4Validator';
import { incidentReport } from './fixtures';

describe('FHIR R4 AdverseEvent export', () => {
  test('a full incident exports as a valid R4 AdverseEvent', () => {
    const event = toFhirAdverseEvent(incidentReport());

    expect(validateR4(event)).toEqual([]);
    expect(event).toMatchObject({
      resourceType: 'AdverseEvent',
      identifier: { value: 'INC-42' },
      actuality: 'actual',
      date: '2026-03-02T09:15:00Z',
      recordedDate: '2026-03-02T10:30:00Z',
      severity: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity', code: 'moderate' }] },
      seriousness: { coding: [{ code: 'Serious' }] },
      suspectEntity: [{ instance: { type: 'Device', display: 'Ambient Scribe (AI request 17)' } }],
      location: { display: 'Ward 7, Royal Infirmary (Medicine)' },
    });
  });

  test.each([
    ['low', 'mild'],
    ['moderate', 'moderate'],
    ['severe', 'severe'],
  ] as const)('severity %s maps to the R4 code %s and stays valid', (severity, code) => {
    const event = toFhirAdverseEvent(incidentReport({ severity, patientHarm: false, directorate: undefined, relatedRequestId: undefined }));

    expect(validateR4(event)).toEqual([]);
    expect(event.severity.coding?.[0]?.code).toBe(code);
  });

  test('the export carries no patient identifiers: the subject is a display-only placeholder', () => {
    const event = toFhirAdverseEvent(incidentReport());

    expect(event.subject).toEqual({ display: 'Patient affected: not identified in this export' });
    expect(JSON.stringify(event)).not.toMatch(/"reference"/);
  });

  test('an incident known only by its request id still names the suspect tool', () => {
    const event = toFhirAdverseEvent(incidentReport({ relatedTool: undefined, relatedRequestId: 9 }));

    expect(validateR4(event)).toEqual([]);
    expect(event.suspectEntity[0]?.instance.display).toBe('The AI tool approved under AI request 9');
  });

  test('the validator rejects an export without the mandatory subject, with its message', () => {
    const { subject: _subject, ...withoutSubject } = toFhirAdverseEvent(incidentReport());

    expect(validateR4(withoutSubject)).toContain('Missing required property (AdverseEvent.subject)');
  });

  test('the validator rejects codes outside the required R4 value sets', () => {
    const event = toFhirAdverseEvent(incidentReport());
    const broken = {
      ...event,
      actuality: 'maybe',
      severity: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity', code: 'catastrophic' }] },
    };

    const problems = validateR4(broken);

    expect(problems).toEqual([
      expect.stringContaining('adverse-event-actuality|4.0.1 (AdverseEvent.actuality): "maybe"'),
      expect.stringContaining('adverse-event-severity|4.0.1 (AdverseEvent.severity)'),
    ]);
  });

  test('the validator rejects a badly formed date and an unknown element', () => {
    const broken = { ...toFhirAdverseEvent(incidentReport()), date: '02/03/2026', nhsNumber: '9434765919' };

    const problems = validateR4(broken);

    expect(problems).toContain('Invalid dateTime format (AdverseEvent.date)');
    expect(problems).toContain('Invalid additional property "nhsNumber" (AdverseEvent.nhsNumber)');
  });
});
