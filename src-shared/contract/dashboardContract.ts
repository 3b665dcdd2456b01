import { defineCall } from './define';
import { dashboardPageSchema, dashboardQuerySchema } from '../dashboard/dashboardSchemas';

export const dashboardCalls = {
  /**
   * "My procedures": drafts in preparation and dossiers of the current space, filtered, sorted and searched in the
   * vault (no network), a window of rows at a time with the count of every filter. Refresh on dossiers.changed.
   */
  'dashboard.query': defineCall({ input: dashboardQuerySchema, output: dashboardPageSchema }),
};
