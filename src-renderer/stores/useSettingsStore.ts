import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { SettingsPatch, SettingsView } from '../../src-shared/settings/settingsSchema';
import { pickLocale, SUPPORTED_LOCALES, type SupportedLocale } from '../../src-shared/i18n/locales';
import { useGuichet } from '../bridge/useGuichet';

/** Settings live in main; this store mirrors them and follows changes made from anywhere (settings.changed). */
export const useSettingsStore = defineStore('settings', () => {
  const guichet = useGuichet();
  const view = ref<SettingsView | null>(null);
  const systemLocales = ref<string[]>([]);
  let unsubscribe: (() => void) | null = null;

  /** The languages the administrator offers (all three unless a policy says otherwise). */
  const offeredLocales = computed<readonly SupportedLocale[]>(() => view.value?.values.allowedLanguages ?? SUPPORTED_LOCALES);
  const systemLocale = computed<SupportedLocale>(() => pickLocale([...systemLocales.value, ...navigator.languages], 'en', offeredLocales.value));
  const locale = computed<SupportedLocale>(() => view.value?.values.language ?? systemLocale.value);

  async function load(): Promise<void> {
    const [settings, info] = await Promise.all([guichet.settings.get(), guichet.app.info()]);
    view.value = settings;
    systemLocales.value = info.systemLocales;
    unsubscribe ??= guichet.events.on('settings.changed', (next) => {
      view.value = next;
    });
  }

  async function update(patch: SettingsPatch): Promise<void> {
    view.value = await guichet.settings.set(patch);
  }

  function isLocked(key: keyof SettingsView['values']): boolean {
    return view.value?.locked.includes(key) ?? false;
  }

  return { view, locale, systemLocale, offeredLocales, load, update, isLocked };
});
