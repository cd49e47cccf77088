import * as React from 'react';
import { render, type RenderResult } from '@testing-library/react';
import type { FakeAiGovernanceService } from '../../../../services/FakeAiGovernanceService';
import { ServiceContext } from '../ServiceContext';

/** Renders a view as the web part does: inside the context that gives it its service. */
export function withService(service: FakeAiGovernanceService, view: React.ReactElement): RenderResult {
  return render(<ServiceContext.Provider value={service}>{view}</ServiceContext.Provider>);
}
