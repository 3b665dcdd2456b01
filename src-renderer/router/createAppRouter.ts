import { createRouter, createWebHashHistory, createMemoryHistory, type RouteRecordRaw } from 'vue-router';
import { SECTIONS } from './sections';
import ComingSoonView from '../views/ComingSoonView.vue';
import SettingsView from '../views/SettingsView.vue';
import DashboardView from '../views/DashboardView.vue';
import CatalogueView from '../views/CatalogueView.vue';
import FormView from '../views/FormView.vue';
import TokensView from '../views/TokensView.vue';
import MailboxView from '../views/MailboxView.vue';
import SubmitView from '../views/SubmitView.vue';
import CoSignView from '../views/CoSignView.vue';
import BatchSignView from '../views/BatchSignView.vue';
import UnblockPinView from '../views/UnblockPinView.vue';
import DossierView from '../views/DossierView.vue';
import MyDataView from '../views/MyDataView.vue';

const BUILT_VIEWS: Partial<Record<string, RouteRecordRaw['component']>> = {
  settings: SettingsView,
  dashboard: DashboardView,
  catalogue: CatalogueView,
  tokens: TokensView,
  mailbox: MailboxView,
  myData: MyDataView,
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
    { path: '/catalogue/:procedureId', name: 'form', component: FormView, meta: { section: 'catalogue' } },
    { path: '/drafts/batch-sign', name: 'batchSign', component: BatchSignView, meta: { section: 'catalogue' } },
    { path: '/drafts/:draftId', name: 'draft', component: FormView, meta: { section: 'catalogue' } },
    { path: '/drafts/:draftId/submit', name: 'submit', component: SubmitView, meta: { section: 'catalogue' } },
    { path: '/tokens/:moduleId/:slotId/unblock', name: 'unblockPin', component: UnblockPinView, meta: { section: 'tokens' } },
    { path: '/dossiers/:reference', name: 'dossier', component: DossierView, meta: { section: 'dashboard' } },
    { path: '/cosign/:requestId', name: 'cosign', component: CoSignView, meta: { section: 'dashboard' } },
    { path: '/:pathMatch(.*)*', redirect: '/dashboard' },
  ];
  return createRouter({ history: options.memory ? createMemoryHistory() : createWebHashHistory(), routes });
}
