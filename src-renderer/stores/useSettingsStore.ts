import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { SettingsPatch, SettingsView } from '../../src-shared/settings/settingsSchema';
import { pickLocale, type SupportedLocale } from '../../src-shared/i18n/locales';
import { useGuichet } from '../bridge/useGuichet';

/** Settings live in main; this store mirrors them and follows changes made from anywhere (settings.changed). */
export const useSettingsStore = defineStore('settings', () => {
  const guichet = useGuichet();
  const view = ref<SettingsView | null>(null);
  const systemLocales = ref<string[]>([]);
  let unsubscribe: (() => void) | null = null;

  const systemLocale = computed<SupportedLocale>(() => pickLocale([...systemLocales.value, ...navigator.languages]));
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

  return { view, locale, systemLocale, load, update, isLocked };
});
