import type { settingsCalls } from '../../../src-shared/contract/settingsContract';
import type { HandlersFor } from '../HandlersFor';
import type { SettingsStore } from '../../settings/SettingsStore';
import type { EventHub } from '../../events/EventHub';

export function createSettingsHandlers(deps: { settings: SettingsStore; events: EventHub }): HandlersFor<typeof settingsCalls> {
  const { settings, events } = deps;
  return {
    'settings.get': () => settings.view(),
    'settings.set': async (patch) => {
      const view = await settings.set(patch);
      events.emit('settings.changed', view);
      return view;
    },
  };
}
