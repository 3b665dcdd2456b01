import { createApp } from 'vue';
import { createPinia } from 'pinia';
import type { GuichetApi } from '../src-shared/bridge/GuichetApi';
import { pickLocale } from '../src-shared/i18n/locales';
import App from './App.vue';
import { guichetKey } from './bridge/guichetKey';
import { createAppI18n } from './i18n/createAppI18n';
import { createAppRouter } from './router/createAppRouter';

/** Builds the whole renderer around a given bridge: window.guichet in the app, a bridge to a real main in tests. */
export function createRendererApp(guichet: GuichetApi, options: { memoryHistory?: boolean } = {}) {
  const app = createApp(App);
  const pinia = createPinia();
  const router = createAppRouter({ memory: options.memoryHistory });
  const i18n = createAppI18n(pickLocale(navigator.languages));
  app.provide(guichetKey, guichet);
  // Stores use inject(); pinia runs them inside the app's context.
  app.use(pinia).use(router).use(i18n);
  return { app, router, pinia, i18n };
}
