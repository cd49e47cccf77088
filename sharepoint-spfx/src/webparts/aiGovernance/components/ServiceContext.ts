import * as React from 'react';
import type { AiGovernanceService } from '../../../services/AiGovernanceService';

/** The data service the views use; SharePoint, the workbench and tests each pass their own. */
export const ServiceContext = React.createContext<AiGovernanceService | undefined>(undefined);

export function useService(): AiGovernanceService {
  const service = React.useContext(ServiceContext);
  if (!service) throw new Error('The AI governance views need a ServiceContext.Provider with a data service.');
  return service;
}
