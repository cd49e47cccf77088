define([], function() {
  return {
    "PropertyPaneDescription": "Choose what this web part shows and where the AI governance service is.",
    "ViewGroupName": "What to show",
    "ViewFieldLabel": "View",
    "ConnectionGroupName": "Connection to the AI governance service",
    "ApiBaseUrlFieldLabel": "Function App address",
    "ApiBaseUrlFieldDescription": "For example https://func-ai-governance.azurewebsites.net",
    "ApiResourceFieldLabel": "Function App's Microsoft Entra application",
    "ApiResourceFieldDescription": "The application ID URI or name approved in the SharePoint admin centre under API access, for example api://ai-governance",
    "ViewRequestForm": "Request form",
    "ViewMyRequests": "My requests",
    "ViewApproverInbox": "Approver inbox",
    "ViewAbsences": "My absences",
    "ViewDashboard": "Governance dashboard",
    "ViewRegister": "Register of tools and research",
    "ViewRaiseConcern": "Raise a concern",
    "NotConfigured": "This web part is not connected yet. Edit the page, open the web part's settings and enter the Function App address and its Microsoft Entra application."
  }
});
