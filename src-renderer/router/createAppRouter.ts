import { createRouter, createWebHashHistory, createMemoryHistory, type RouteRecordRaw } from 'vue-router';
import { SECTIONS } from './sections';
import ComingSoonView from '../views/ComingSoonView.vue';
import SettingsView from '../views/SettingsView.vue';

const BUILT_VIEWS: Partial<Record<string, RouteRecordRaw['component']>> = {
  settings: SettingsView,
};

/** Hash history: works the same on app://guichet and on the dev host, with no server-side routing. */
export function createAppRouter(options: { memory?: boolean } = {}) {
  const routes: RouteRecordRaw[] = [
    { path: '/', redirect: '/dashboard' },
    ...SECTIONS.map((section) => ({
      path: section.path,
      name: section.id,
      component: BUILT_VIEWS[section.id] ?? ComingSoonView,
      meta: { section: section.id },
    })),
    { path: '/:pathMatch(.*)*', redirect: '/dashboard' },
  ];
  return createRouter({ history: options.memory ? createMemoryHistory() : createWebHashHistory(), routes });
}
