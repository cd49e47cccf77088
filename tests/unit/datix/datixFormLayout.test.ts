import { datixFormSections, formatDatixDateTime, renderDatixFormHtml, renderDatixFormText } from '../../../shared/datix/datixFormLayout';
import { buildManualEscalationTask } from '../../../shared/datix/manualTask';
import { incidentReport } from './fixtures';

describe('Datix form layout', () => {
  test('sections follow the Datix incident form order', () => {
    const sections = datixFormSections(incidentReport());

    expect(sections.map((s) => s.heading)).toEqual([
      'When and where',
      'What happened',
      'Immediate action taken',
      'People affected',
      'Harm and severity',
      'Reporter',
    ]);
  });

  test('times are shown in UK time with the zone, GMT in winter and BST in summer', () => {
    expect(formatDatixDateTime('2026-03-02T09:15:00Z')).toBe('Monday 2 March 2026 at 09:15 GMT');
    expect(formatDatixDateTime('2026-07-01T09:15:00Z')).toBe('Wednesday 1 July 2026 at 10:15 BST');
  });

  test('plain text lists every detail under numbered headings', () => {
    const text = renderDatixFormText(datixFormSections(incidentReport()));

    expect(text).toContain('1. When and where\n   Date and time of incident: Monday 2 March 2026 at 09:15 GMT');
    expect(text).toContain('   Location: Ward 7, Royal Infirmary');
    // A multi-line description stays readable: continuation lines are indented under the label.
    expect(text).toContain('   Description: The dictation tool inserted a drug dose that was not said.\n      The nurse noticed before administration.');
    expect(text).toContain('3. Immediate action taken\n   Action taken: Dose corrected; tool paused on the ward.');
    expect(text).toContain('   Severity (harm level): Moderate');
    expect(text).toContain('6. Reporter\n   Name: Sam Patel\n   Email: sam.patel@example.nhs.uk');
  });

  test('people affected says only whether a patient was affected, never who', () => {
    const withPatient = renderDatixFormText(datixFormSections(incidentReport({ patientHarm: true })));
    const without = renderDatixFormText(datixFormSections(incidentReport({ patientHarm: false })));

    expect(withPatient).toContain('Was a patient affected?: Yes');
    expect(withPatient).toContain('Patient details: Not held by the AI governance workflow: add them in Datix from the clinical record.');
    expect(without).toContain('Was a patient affected?: No');
  });

  test('research and personal-data breach flags carry what the reader must do', () => {
    const text = renderDatixFormText(datixFormSections(incidentReport({ researchRelated: true, personalDataBreach: true })));

    expect(text).toContain('Research-related: Yes (the AI policy requires research concerns to be reported via Datix)');
    expect(text).toMatch(/Personal data breach: Yes: the regulator must be told within 72 hours/);
  });

  test('HTML escapes every value', () => {
    const html = renderDatixFormHtml(
      datixFormSections(incidentReport({ description: '<script>alert("x")</script> & more', location: 'Ward <b>7</b>' })),
    );

    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).toContain('<dt>Location</dt><dd>Ward &lt;b&gt;7&lt;/b&gt;</dd>');
    expect(html).toContain('<h2>1. When and where</h2>');
  });
});

describe('manual escalation task', () => {
  test('tells the risk team what to do, links the capture form and lists the details', () => {
    const task = buildManualEscalationTask(incidentReport(), 'incident-INC-42-datix', { captureFormUrl: 'https://trust.datix.example/capture/?form_id=1&module=INC' });

    expect(task.title).toBe('Log AI incident INC-42 in Datix and record the reference');
    expect(task.steps[task.steps.length - 1]).toBe(
      'Record the Datix reference on AI incident INC-42. The escalation is complete only then; reminders continue until it is recorded.',
    );
    expect(task.text).toContain('2. Use the Datix incident form: https://trust.datix.example/capture/?form_id=1&module=INC');
    expect(task.text).toContain('1. When and where');
    expect(task.html).toContain('<a href="https://trust.datix.example/capture/?form_id=1&amp;module=INC">Open the Datix incident form</a>');
    expect(task.sections).toHaveLength(6);
  });
});
