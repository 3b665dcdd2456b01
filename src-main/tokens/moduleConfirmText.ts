import { pickLocale } from '../../src-shared/i18n/locales';
import { showInvisibles } from '../../src-shared/files/showInvisibles';

/**
 * The question main asks before loading a PKCS#11 library from outside the system folders. It is shown by main
 * (a native message box), before any renderer text could be involved, so it is translated here.
 */
const TEXT = {
  en: {
    title: 'Load this smart card library?',
    message: 'This PKCS#11 library is not in a system folder. Load it only if it comes from your card supplier or your IT department.',
    confirm: 'Load the library',
    cancel: 'Cancel',
  },
  de: {
    title: 'Diese Chipkarten-Bibliothek laden?',
    message: 'Diese PKCS#11-Bibliothek liegt nicht in einem Systemordner. Laden Sie sie nur, wenn sie von Ihrem Kartenanbieter oder Ihrer IT-Abteilung stammt.',
    confirm: 'Bibliothek laden',
    cancel: 'Abbrechen',
  },
  fr: {
    title: 'Charger cette bibliothèque de carte à puce ?',
    message: 'Cette bibliothèque PKCS#11 ne se trouve pas dans un dossier système. Ne la chargez que si elle vient de votre fournisseur de carte ou de votre service informatique.',
    confirm: 'Charger la bibliothèque',
    cancel: 'Annuler',
  },
} as const;

export function moduleConfirmText(preferred: readonly string[], file: string) {
  const text = TEXT[pickLocale(preferred)];
  return { title: text.title, message: text.message, detail: showInvisibles(file), confirmLabel: text.confirm, cancelLabel: text.cancel };
}
