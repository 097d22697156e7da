// Issue 15: the workbench tabs a person sees follow from the route-access table — an agent gets no
// settings they cannot change (only the shop's intent examples), a supervisor no rule overrides or
// API tokens, an admin everything; an API token (no person) gets none of the person-only tabs.
import { describe, expect, it } from 'vitest';
import { tabsFor } from '../../src/server/route-access.js';
import { WORKBENCH_TABS } from '../../src/core/contract/workbench-tabs.js';
import { ROUTE_ACCESS } from '../../src/server/route-access.js';
import type { Principal } from '../../src/app/auth/auth.js';

const person = (role: 'admin' | 'supervisor' | 'agent'): Principal => ({ kind: 'agent', orgId: 'o', agentId: 'a', role, displayName: 'x', shopIds: ['s'] });

describe('tabs by role (issue 15)', () => {
  it('every route a tab needs is in the access table', () => {
    for (const [tab, routes] of Object.entries(WORKBENCH_TABS)) for (const r of routes) expect(ROUTE_ACCESS[r], `${tab}: ${r}`).toBeDefined();
  });

  it('an agent: the working tabs and only the shop examples in settings', () => {
    const tabs = tabsFor(person('agent'));
    expect(tabs.filter((x) => !x.startsWith('settings.'))).toEqual(['inbox', 'orders', 'cases', 'reviews', 'followups', 'buyers', 'dashboard', 'training']);
    expect(tabs.filter((x) => x.startsWith('settings.'))).toEqual(['settings.examples']);
  });

  it('a supervisor: shop settings and the agent list, no rule overrides or API tokens', () => {
    const tabs = tabsFor(person('supervisor'));
    expect(tabs).toEqual(expect.arrayContaining(['settings.answers', 'settings.items', 'settings.promotions', 'settings.examples', 'settings.notice', 'settings.agents']));
    expect(tabs).not.toContain('settings.rules');
    expect(tabs).not.toContain('settings.tokens');
  });

  it('an admin: every tab', () => {
    expect(tabsFor(person('admin'))).toEqual(Object.keys(WORKBENCH_TABS));
  });
});
