import type { dashboardCalls } from '../../../src-shared/contract/dashboardContract';
import type { HandlersFor } from '../HandlersFor';
import type { DashboardService } from '../../dashboard/DashboardService';

export function createDashboardHandlers(deps: { dashboard: DashboardService }): HandlersFor<typeof dashboardCalls> {
  return {
    'dashboard.query': (input) => deps.dashboard.query(input),
  };
}
