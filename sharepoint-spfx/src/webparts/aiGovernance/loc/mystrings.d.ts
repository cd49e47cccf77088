declare interface IAiGovernanceWebPartStrings {
  PropertyPaneDescription: string;
  ViewGroupName: string;
  ViewFieldLabel: string;
  ConnectionGroupName: string;
  ApiBaseUrlFieldLabel: string;
  ApiBaseUrlFieldDescription: string;
  ApiResourceFieldLabel: string;
  ApiResourceFieldDescription: string;
  ViewRequestForm: string;
  ViewMyRequests: string;
  ViewApproverInbox: string;
  ViewAbsences: string;
  ViewDashboard: string;
  ViewRegister: string;
  ViewRaiseConcern: string;
  NotConfigured: string;
}

declare module 'AiGovernanceWebPartStrings' {
  const strings: IAiGovernanceWebPartStrings;
  export = strings;
}
