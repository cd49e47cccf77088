import { createDatixGateway } from '../../../shared/datix/createDatixGateway';
import { DatixEscalationError } from '../../../shared/datix/errors';
import type { DatixMailMessage } from '../../../shared/datix/emailAdapter';
import { incidentReport } from './fixtures';

const FORM = 'https://trust.datix.example/capture/?form_id=1&module=INC';
const KEY = 'incident-INC-42-datix';

describe('manual adapter', () => {
  test('returns a task awaiting the Datix reference, with the capture form link', async () => {
    const result = await createDatixGateway({ adapter: 'manual', captureFormUrl: FORM }).escalate(incidentReport(), KEY);

    expect(result.kind).toBe('awaiting-reference');
    if (result.kind !== 'awaiting-reference') return;
    expect(result.instructions).toMatchObject({ incidentId: 'INC-42', idempotencyKey: KEY, captureFormUrl: FORM });
    expect(result.instructions.text).toContain('Record the Datix reference on AI incident INC-42');
  });

  test('refuses a bad report', async () => {
    await expect(createDatixGateway({ adapter: 'manual', captureFormUrl: FORM }).escalate({ ...incidentReport(), severity: 'huge' as never }, KEY)).rejects.toThrow(
      /severity: choose a severity: low, moderate, severe/,
    );
  });
});

describe('email adapter', () => {
  test('emails the intake mailbox a structured message and awaits the reference', async () => {
    const sent: DatixMailMessage[] = [];
    const gateway = createDatixGateway(
      { adapter: 'email', captureFormUrl: FORM, intakeMailbox: 'risk.intake@nhs.net' },
      { mailer: { send: (m) => Promise.resolve(void sent.push(m)) } },
    );

    const result = await gateway.escalate(incidentReport({ description: 'Tool said <b>stop</b>' }), KEY);

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: 'risk.intake@nhs.net',
      subject: 'AI incident INC-42 for Datix: Clinical safety, moderate severity',
      idempotencyKey: KEY,
    });
    expect(sent[0]?.text).toContain('5. Harm and severity');
    expect(sent[0]?.html).toContain('Tool said &lt;b&gt;stop&lt;/b&gt;');
    expect(result).toMatchObject({ kind: 'awaiting-reference', instructions: { emailedTo: 'risk.intake@nhs.net' } });
  });

  test('a mail failure is a retryable escalation error naming the mailbox', async () => {
    const gateway = createDatixGateway(
      { adapter: 'email', captureFormUrl: FORM, intakeMailbox: 'risk.intake@nhs.net' },
      { mailer: { send: () => Promise.reject(new Error('connection refused')) } },
    );

    const error = await gateway.escalate(incidentReport(), KEY).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DatixEscalationError);
    expect((error as Error).message).toContain('Could not email incident INC-42 to the Datix intake mailbox risk.intake@nhs.net: connection refused');
  });
});
