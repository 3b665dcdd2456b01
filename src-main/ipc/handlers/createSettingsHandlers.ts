import type { settingsCalls } from '../../../src-shared/contract/settingsContract';
import type { HandlersFor } from '../HandlersFor';
import type { SettingsStore } from '../../settings/SettingsStore';
import type { EventHub } from '../../events/EventHub';
import type { SettingsPatch } from '../../../src-shared/settings/settingsSchema';

export function createSettingsHandlers(deps: {
  settings: SettingsStore;
  events: EventHub;
  /** Throws to refuse a change before it is made (the authority switch question, see vault/owner/AuthoritySwitch). */
  checkChange?: (patch: SettingsPatch) => Promise<void>;
}): HandlersFor<typeof settingsCalls> {
  const { settings, events, checkChange } = deps;
  return {
    'settings.get': () => settings.view(),
    'settings.set': async (patch) => {
      await checkChange?.(patch);
      const view = await settings.set(patch);
      events.emit('settings.changed', view);
      return view;
    },
  };
}
