import type { Settings, SettingsChange } from '../../src-shared/settings/settingsSchema';
import type { ValidationIssue } from '../../src-shared/errors/ValidationError';

/** The schema's own ceiling of the idle lock: at it, "never" (0) stays a choice. */
const NO_CEILING = 24 * 60;

/** The idle-lock range in effect; a minimum above the maximum (two policies at odds) yields to the maximum. */
function idleRange(settings: Settings): { min: number; max: number } {
  const max = settings.idleLockMaxMinutes;
  return { min: Math.min(settings.idleLockMinMinutes, max), max };
}

/**
 * The settings as they apply within the administrator's bounds: an idle lock outside the range is moved to its edge
 * ("never" becomes the maximum when there is a ceiling), and a language not offered gives way to the system's.
 * A choice made before the bounds were set is kept in the file and applies again if they are lifted.
 */
export function withinBounds(settings: Settings): Settings {
  const { min, max } = idleRange(settings);
  const idle = settings.idleLockMinutes;
  const idleLockMinutes = idle === 0 ? (max < NO_CEILING ? max : 0) : Math.min(Math.max(idle, min), max);
  const language = settings.language !== null && !settings.allowedLanguages.includes(settings.language) ? null : settings.language;
  return { ...settings, idleLockMinutes, language };
}

/** Why a change the person asked for falls outside the bounds in effect, as issues at the fields concerned. */
export function boundsIssues(change: SettingsChange, effective: Settings): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { min, max } = idleRange(effective);
  const idle = change.idleLockMinutes;
  if (idle !== undefined) {
    if (idle === 0 ? max < NO_CEILING : idle > max) issues.push({ path: 'idleLockMinutes', message: 'Too big', code: 'too_big', maximum: max, origin: 'number' });
    else if (idle !== 0 && idle < min) issues.push({ path: 'idleLockMinutes', message: 'Too small', code: 'too_small', minimum: min, origin: 'number' });
  }
  const language = change.language;
  if (language !== undefined && language !== null && !effective.allowedLanguages.includes(language)) {
    issues.push({ path: 'language', message: 'languageNotOffered', code: 'invalid_value' });
  }
  return issues;
}
