import { provisionSite } from '../../../shared/sharepoint/provision';
import { aiRequestsList } from '../../../shared/sharepoint/lists';
import { createRepositories } from '../../../shared/sharepoint/repositories';
import { createSp } from '../../../shared/sharepoint/spClient';
import { startEmulator, type EmulatorHarness } from './emulatorHarness';

describe('provisioning the SharePoint lists', () => {
  let h: EmulatorHarness;
  beforeAll(async () => {
    h = await startEmulator();
  });
  afterAll(async () => {
    await h.close();
  });

  test('a second run changes nothing and says so', async () => {
    const sp = createSp({ siteUrl: h.siteUrl });

    const first = await provisionSite(sp);
    const second = await provisionSite(sp);

    expect(first.actions).toEqual(expect.arrayContaining(["Created list 'AI Requests'", "Created list 'AI Audit Log'"]));
    expect(first.actions.some((a) => a.startsWith("Added column 'RequestType' (Choice, indexed) to 'AI Requests'"))).toBe(true);
    expect(first.actions).toContain("Indexed column 'Modified' in 'AI Requests'");
    expect(first.warnings).toEqual([]);
    expect(second).toEqual({ actions: [], warnings: [] });
    const fields = await sp.web.lists.getByTitle('AI Approval Tasks').fields.select('InternalName', 'TypeAsString', 'Indexed')<{ InternalName: string; TypeAsString: string; Indexed: boolean }[]>();
    expect(fields.find((f) => f.InternalName === 'Request')).toMatchObject({ TypeAsString: 'Lookup', Indexed: true });
  });

  test('a missing field is added without touching items', async () => {
    const sp = createSp({ siteUrl: h.siteUrl });
    await provisionSite(sp);
    const repos = createRepositories(sp);
    const user = await sp.web.ensureUser('i:0#.f|membership|jo.bloggs@example.nhs.uk');
    const item = await repos.requests.create(newRequest(user.Id, 'Dictation assistant'));
    // Simulate a site provisioned by an older version of the definitions: the column is gone.
    const list = h.emulator.store.listByTitle('AI Requests')!;
    h.emulator.store.db.prepare('DELETE FROM fields WHERE list_id = ? AND internal_name = ?').run(list.id, 'SuccessMetrics');

    const report = await provisionSite(sp);

    expect(report.actions).toEqual(["Added column 'SuccessMetrics' (Note) to 'AI Requests'"]);
    const after = await repos.requests.get(item.Id);
    expect(after).toEqual(item);
  });
});

export function newRequest(requesterId: number, title: string) {
  return {
    Title: title,
    RequestType: 'Healthcare AI product' as const,
    RequesterId: requesterId,
    Directorate: 'Digital',
    Supplier: 'Example Supplier Ltd',
    Product: title,
    Purpose: 'Reduce time spent on clinical letters.',
    IntendedBenefits: null,
    SuccessMetrics: null,
    LegalBasis: null,
    DataCategories: ['Personal data' as const],
    PersonalData: true,
    SpecialCategoryData: false,
    ConfidentialPatientInfo: false,
    HealthcareProvision: true,
    ClinicalUse: false,
    MedicalDevice: false,
    Research: false,
    ServiceChange: false,
    AutomatedDecisions: false,
    HumanReviewArrangement: null,
    InstallNeeded: false,
    NationallyProcured: false,
    EstimatedCost: 1200,
    Status: 'Submitted' as const,
    CurrentStage: null,
    RiskRating: null,
    RouteJson: null,
    OrchestrationInstanceId: null,
    DpiaReference: null,
    DtacReference: null,
    HraReference: null,
    DecisionSummary: null,
    ReviewDueDate: null,
  };
}
void aiRequestsList;
