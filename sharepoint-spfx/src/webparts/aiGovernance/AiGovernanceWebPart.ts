import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneDropdown, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';

import * as strings from 'AiGovernanceWebPartStrings';
import AiGovernance from './components/AiGovernance';
import type { AiGovernanceView, IAiGovernanceProps } from './components/IAiGovernanceProps';
import { spfi, SPFx } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { AiGovernanceService } from '../../services/AiGovernanceService';
import { SharePointAiGovernanceService } from '../../services/SharePointAiGovernanceService';
import { aadFetch } from './aadFetch';

export interface IAiGovernanceWebPartProps {
  view: AiGovernanceView;
  /** The Function App's base URL. */
  apiBaseUrl: string;
  /** The Function App's Entra application (ID URI or name), as approved under API access. */
  apiResource: string;
}

export default class AiGovernanceWebPart extends BaseClientSideWebPart<IAiGovernanceWebPartProps> {
  private _service: AiGovernanceService | undefined;
  private _serviceKey: string = '';

  public render(): void {
    const element: React.ReactElement<IAiGovernanceProps> = React.createElement(AiGovernance, {
      view: this.properties.view ?? 'requestForm',
      service: this._service,
      notConfiguredMessage: strings.NotConfigured,
    });
    ReactDom.render(element, this.domElement);
  }

  protected async onInit(): Promise<void> {
    await super.onInit();
    await this._connect();
  }

  protected async onPropertyPaneFieldChanged(propertyPath: string, oldValue: unknown, newValue: unknown): Promise<void> {
    super.onPropertyPaneFieldChanged(propertyPath, oldValue, newValue);
    if (propertyPath === 'apiBaseUrl' || propertyPath === 'apiResource') {
      await this._connect();
      this.render();
    }
  }

  /** Builds the HTTP service over AadHttpClient once the page author has said where the Function App is. */
  private async _connect(): Promise<void> {
    const baseUrl = (this.properties.apiBaseUrl ?? '').trim();
    const resource = (this.properties.apiResource ?? '').trim();
    const key = `${baseUrl}|${resource}`;
    if (key === this._serviceKey) return;
    this._serviceKey = key;
    if (baseUrl === '' || resource === '') {
      this._service = undefined;
      return;
    }
    const client = await this.context.aadHttpClientFactory.getClient(resource);
    const user = this.context.pageContext.user;
    // PnPjs with this page's SharePoint context reads the site's lists as the person; the Function App is called with AadHttpClient.
    const sp = spfi().using(SPFx(this.context));
    this._service = new SharePointAiGovernanceService(baseUrl, aadFetch(client), { name: user.displayName, email: user.email }, sp, '');
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.ViewGroupName,
              groupFields: [
                PropertyPaneDropdown('view', {
                  label: strings.ViewFieldLabel,
                  options: [
                    { key: 'requestForm', text: strings.ViewRequestForm },
                    { key: 'myRequests', text: strings.ViewMyRequests },
                    { key: 'approverInbox', text: strings.ViewApproverInbox },
                    { key: 'absences', text: strings.ViewAbsences },
                    { key: 'dashboard', text: strings.ViewDashboard },
                    { key: 'register', text: strings.ViewRegister },
                    { key: 'raiseConcern', text: strings.ViewRaiseConcern },
                  ],
                }),
              ],
            },
            {
              groupName: strings.ConnectionGroupName,
              groupFields: [
                PropertyPaneTextField('apiBaseUrl', { label: strings.ApiBaseUrlFieldLabel, description: strings.ApiBaseUrlFieldDescription }),
                PropertyPaneTextField('apiResource', { label: strings.ApiResourceFieldLabel, description: strings.ApiResourceFieldDescription }),
              ],
            },
          ],
        },
      ],
    };
  }
}
