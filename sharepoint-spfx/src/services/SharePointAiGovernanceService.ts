// The attribute lets the repository's own type check (Node16, CommonJS) read these ES module types too.
import type { SPFI } from '@pnp/sp' with { 'resolution-mode': 'import' };
import { apiRoutes } from './apiRoutes';
import { HttpAiGovernanceService, type FetchLike } from './HttpAiGovernanceService';
import { matchesSearch, publishedRegister } from './registerFromList';
import type { CurrentUser, RegisterEntry } from './types';

/**
 * The web part inside SharePoint: the register's published entries come straight from the site's
 * AI Register list with PnPjs (SPFx context, the person's own permissions); everything else, and
 * the approved tools whose entry is not published yet, from the Function App with AadHttpClient.
 * The local workbench uses HttpAiGovernanceService alone, which asks the Function App for both.
 */
export class SharePointAiGovernanceService extends HttpAiGovernanceService {
  private readonly _sp: SPFI;
  private readonly _registerContact: string;

  public constructor(baseUrl: string, fetchLike: FetchLike, user: CurrentUser, sp: SPFI, registerContact: string) {
    super(baseUrl, fetchLike, user);
    this._sp = sp;
    this._registerContact = registerContact;
  }

  public override async searchRegister(query: string): Promise<RegisterEntry[]> {
    const q = query.trim();
    const [published, approved] = await Promise.all([publishedRegister(this._sp, this._registerContact), this.call<RegisterEntry[]>(apiRoutes.searchRegister(q, 'approved'))]);
    const names = new Set(published.map((e) => e.name.toLowerCase()));
    return [...published.filter((e) => matchesSearch(e, q)), ...approved.filter((e) => !names.has(e.name.toLowerCase()))].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }
}
