import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { IAiGovernanceProps } from './IAiGovernanceProps';
import { ServiceContext } from './ServiceContext';
import { RequestForm } from './requestForm/RequestForm';
import { MyRequests } from './MyRequests';
import { ApproverInbox } from './ApproverInbox';
import { Absences } from './Absences';
import { GovernanceDashboard } from './GovernanceDashboard';
import { Register } from './Register';
import { RaiseConcern } from './RaiseConcern';

/** The web part's root: one of seven views, over whichever data service the host passes in. */
const AiGovernance: React.FC<IAiGovernanceProps> = ({ view, service, notConfiguredMessage }) => {
  if (!service) {
    return <MessageBar messageBarType={MessageBarType.warning}>{notConfiguredMessage}</MessageBar>;
  }
  return (
    <ServiceContext.Provider value={service}>
      <div style={{ fontSize: 14, lineHeight: 1.5, maxWidth: 960 }}>
        {view === 'myRequests' ? (
          <MyRequests />
        ) : view === 'approverInbox' ? (
          <ApproverInbox />
        ) : view === 'absences' ? (
          <Absences />
        ) : view === 'dashboard' ? (
          <GovernanceDashboard />
        ) : view === 'register' ? (
          <Register />
        ) : view === 'raiseConcern' ? (
          <RaiseConcern />
        ) : (
          <RequestForm />
        )}
      </div>
    </ServiceContext.Provider>
  );
};

export default AiGovernance;
