// Issue 15: which workbench tabs (and settings sub-tabs) a person sees follows from the routes the
// tab needs and the one table of who may call each route (server/route-access.ts). A tab is shown
// when every route it lists may be called by the person's role; GET /api/v1/me returns the list.
export const WORKBENCH_TABS = {
  inbox: ['GET /api/v1/conversations', 'POST /api/v1/conversations/:id/messages'],
  orders: ['GET /api/v1/orders'],
  cases: ['GET /api/v1/cases'],
  reviews: ['GET /api/v1/reviews'],
  followups: ['GET /api/v1/shops/:shopId/followups'],
  buyers: ['GET /api/v1/shops/:shopId/buyers'],
  dashboard: ['GET /api/v1/metrics'],
  training: ['GET /api/v1/training/scenarios'],
  // Settings sub-tabs: shown to those who may change what they hold.
  'settings.answers': ['PUT /api/v1/shops/:shopId/standard-answers'],
  'settings.items': ['PUT /api/v1/shops/:shopId/items'],
  'settings.promotions': ['PUT /api/v1/shops/:shopId/promotions'],
  'settings.rules': ['PUT /api/v1/shops/:shopId/rule-overrides'],
  'settings.examples': ['POST /api/v1/shops/:shopId/training-examples'],
  'settings.notice': ['PUT /api/v1/shops/:shopId/buyer-notice'],
  'settings.shipping': ['PUT /api/v1/shops/:shopId/shipping-fees'],
  'settings.disruptions': ['POST /api/v1/shops/:shopId/logistics-disruptions'],
  'settings.agents': ['GET /api/v1/agents'],
  'settings.tokens': ['GET /api/v1/api-tokens'],
} as const satisfies Record<string, readonly string[]>;

export type WorkbenchTab = keyof typeof WORKBENCH_TABS;

/** The settings tab shows when any of its sub-tabs does. */
export function showsSettings(tabs: readonly string[]): boolean {
  return tabs.some((x) => x.startsWith('settings.'));
}
