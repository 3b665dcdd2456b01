import { pickLocale, type SupportedLocale } from '../../src-shared/i18n/locales';
import type { PolicyError } from './PolicyError';

// Shown by main before any window exists (a native dialog, the dev host's console), so it cannot use the renderer's
// vue-i18n messages: the three languages are here.
const TEXT: Record<SupportedLocale, { title: string; body: string; where: string }> = {
  en: {
    title: 'Guichet Desktop cannot start',
    body: 'The settings your administrator deployed for Guichet Desktop cannot be applied, so the app does not start. Please give this message to your IT department.',
    where: 'Policy',
  },
  de: {
    title: 'Guichet Desktop kann nicht starten',
    body: 'Die Einstellungen, die Ihre IT-Abteilung für Guichet Desktop verteilt hat, können nicht angewendet werden; die App startet deshalb nicht. Bitte geben Sie diese Meldung an Ihre IT-Abteilung weiter.',
    where: 'Richtlinie',
  },
  fr: {
    title: 'Guichet Desktop ne peut pas démarrer',
    body: 'Les paramètres déployés par votre administrateur pour Guichet Desktop ne peuvent pas être appliqués : l’application ne démarre donc pas. Veuillez transmettre ce message à votre service informatique.',
    where: 'Stratégie',
  },
};

/** The title and text of the "bad policy" message in the first supported system language; the problems stay as read. */
export function policyErrorText(error: PolicyError, systemLocales: readonly string[]): { title: string; body: string } {
  const text = TEXT[pickLocale(systemLocales)];
  const problems = error.problems.map((p) => `• ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n');
  return { title: text.title, body: `${text.body}\n\n${text.where}: ${error.source}\n${problems}` };
}
