import { defineCall, defineEvent } from './define';
import { noInput } from './noInput';
import { settingsPatchSchema, settingsViewSchema } from '../settings/settingsSchema';

export const settingsCalls = {
  'settings.get': defineCall({ input: noInput, output: settingsViewSchema }),
  'settings.set': defineCall({ input: settingsPatchSchema, output: settingsViewSchema }),
};

export const settingsEvents = {
  'settings.changed': defineEvent(settingsViewSchema),
};
