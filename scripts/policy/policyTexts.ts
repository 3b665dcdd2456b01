// What administrators read about each setting in the Group Policy editor (ADML, en/de/fr) and the value each setting has
// in the macOS profile example. The types, ranges and choices come from the settings schema (policyTemplates.ts);
// only the words are here. Keyed by SettingKey: a setting added to the schema without its texts fails the type check.
import type { Settings, SettingKey } from '../../src-shared/settings/settingsSchema';

export const TEMPLATE_LOCALES = ['en-US', 'de-DE', 'fr-FR'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

type Localized = Record<TemplateLocale, string>;

export interface SettingTexts<K extends SettingKey> {
  /** The policy's name in the editor. */
  name: Localized;
  /** What the setting does and which values it takes (the explanation pane). */
  explain: Localized;
  /** The label next to the value's field (not used by switches, which have no field). */
  label?: Localized;
  /** The name of each choice of an enum, by its value; '' stands for null. */
  choices?: Record<string, Localized>;
  /** Its value in the macOS configuration profile example. */
  macExample: NonNullable<Settings[K]>;
}

export const PRODUCT: Localized = { 'en-US': 'Guichet Desktop', 'de-DE': 'Guichet Desktop', 'fr-FR': 'Guichet Desktop' };

export const COMMON_TEXTS: Record<'description' | 'recommendedCategory' | 'supported' | 'managedNote' | 'recommendedNote' | 'switchManagedNote' | 'switchRecommendedNote' | 'registryNote', Localized> = {
  description: {
    'en-US': 'Machine-wide settings of Guichet Desktop, enforced or recommended.',
    'de-DE': 'Computerweite Einstellungen von Guichet Desktop, erzwungen oder empfohlen.',
    'fr-FR': 'Paramètres de Guichet Desktop pour tout l’ordinateur, imposés ou recommandés.',
  },
  recommendedCategory: {
    'en-US': 'Guichet Desktop – default settings (users can change them)',
    'de-DE': 'Guichet Desktop – Standardeinstellungen (Benutzer können sie ändern)',
    'fr-FR': 'Guichet Desktop – paramètres par défaut (modifiables par les utilisateurs)',
  },
  supported: {
    'en-US': 'Guichet Desktop 0.1 or later on Windows 10 or later',
    'de-DE': 'Guichet Desktop 0.1 oder höher unter Windows 10 oder höher',
    'fr-FR': 'Guichet Desktop 0.1 ou ultérieur sous Windows 10 ou ultérieur',
  },
  managedNote: {
    'en-US':
      'Enabled: the value is enforced; the app shows it as set by your administrator and users cannot change it. Not configured: the user’s own choice (or the default) applies.',
    'de-DE':
      'Aktiviert: Der Wert wird erzwungen; die App zeigt ihn als von der IT-Abteilung festgelegt an, Benutzer können ihn nicht ändern. Nicht konfiguriert: Es gilt die Wahl des Benutzers (oder der Standardwert).',
    'fr-FR':
      'Activé : la valeur est imposée ; l’application l’affiche comme définie par votre administrateur et les utilisateurs ne peuvent pas la modifier. Non configuré : le choix de l’utilisateur (ou la valeur par défaut) s’applique.',
  },
  recommendedNote: {
    'en-US': 'Enabled: the value is the default; a user who chooses another value in Settings keeps their own. Not configured: the app’s default applies.',
    'de-DE': 'Aktiviert: Der Wert ist der Standard; ein Benutzer, der in den Einstellungen einen anderen wählt, behält seinen eigenen. Nicht konfiguriert: Es gilt der Standardwert der App.',
    'fr-FR':
      'Activé : la valeur est celle par défaut ; un utilisateur qui en choisit une autre dans les Paramètres garde la sienne. Non configuré : la valeur par défaut de l’application s’applique.',
  },
  switchManagedNote: {
    'en-US': 'Enabled (on) or Disabled (off): enforced; the app shows it as set by your administrator and users cannot change it. Not configured: the user’s own choice (or the default) applies.',
    'de-DE':
      'Aktiviert (ein) oder Deaktiviert (aus): erzwungen; die App zeigt es als von der IT-Abteilung festgelegt an, Benutzer können es nicht ändern. Nicht konfiguriert: Es gilt die Wahl des Benutzers (oder der Standardwert).',
    'fr-FR':
      'Activé ou Désactivé : imposé ; l’application l’affiche comme défini par votre administrateur et les utilisateurs ne peuvent pas le modifier. Non configuré : le choix de l’utilisateur (ou la valeur par défaut) s’applique.',
  },
  switchRecommendedNote: {
    'en-US': 'Enabled (on) or Disabled (off): the default; a user who changes it in Settings keeps their own choice. Not configured: the app’s default applies.',
    'de-DE': 'Aktiviert (ein) oder Deaktiviert (aus): der Standard; ein Benutzer, der es in den Einstellungen ändert, behält seine Wahl. Nicht konfiguriert: Es gilt der Standardwert der App.',
    'fr-FR':
      'Activé ou Désactivé : la valeur par défaut ; un utilisateur qui la change dans les Paramètres garde son choix. Non configuré : la valeur par défaut de l’application s’applique.',
  },
  registryNote: {
    'en-US': 'Registry value',
    'de-DE': 'Registrierungswert',
    'fr-FR': 'Valeur de registre',
  },
};

export const SETTING_TEXTS: { [K in SettingKey]: SettingTexts<K> } = {
  language: {
    name: { 'en-US': 'Interface language', 'de-DE': 'Sprache der Oberfläche', 'fr-FR': 'Langue de l’interface' },
    explain: {
      'en-US': 'The language of the app’s windows: German, French or English, or the first of these among the system’s languages (English if none).',
      'de-DE': 'Die Sprache der Fenster der App: Deutsch, Französisch oder Englisch, oder die erste davon unter den Sprachen des Systems (Englisch, wenn keine).',
      'fr-FR': 'La langue des fenêtres de l’application : allemand, français ou anglais, ou la première de celles-ci parmi les langues du système (l’anglais s’il n’y en a aucune).',
    },
    label: { 'en-US': 'Language', 'de-DE': 'Sprache', 'fr-FR': 'Langue' },
    choices: {
      de: { 'en-US': 'German (Deutsch)', 'de-DE': 'Deutsch', 'fr-FR': 'Allemand (Deutsch)' },
      fr: { 'en-US': 'French (Français)', 'de-DE': 'Französisch (Français)', 'fr-FR': 'Français' },
      en: { 'en-US': 'English', 'de-DE': 'Englisch (English)', 'fr-FR': 'Anglais (English)' },
      '': { 'en-US': 'Follow the system language', 'de-DE': 'Sprache des Systems', 'fr-FR': 'Langue du système' },
    },
    macExample: 'fr',
  },
  idleLockMinutes: {
    name: { 'en-US': 'Lock the vault after inactivity (minutes)', 'de-DE': 'Tresor nach Inaktivität sperren (Minuten)', 'fr-FR': 'Verrouiller le coffre après inactivité (minutes)' },
    explain: {
      'en-US':
        'Minutes without keyboard or mouse activity after which the encrypted vault (drafts, documents, messages) locks itself and asks for the passphrase again; 0 never locks on inactivity. The vault also locks on suspend and screen lock.',
      'de-DE':
        'Minuten ohne Tastatur- oder Mausaktivität, nach denen sich der verschlüsselte Tresor (Entwürfe, Dokumente, Nachrichten) sperrt und erneut nach der Passphrase fragt; 0 sperrt nie wegen Inaktivität. Der Tresor sperrt sich auch beim Ruhezustand und bei der Bildschirmsperre.',
      'fr-FR':
        'Minutes sans activité du clavier ou de la souris après lesquelles le coffre chiffré (brouillons, documents, messages) se verrouille et redemande la phrase secrète ; 0 ne verrouille jamais pour inactivité. Le coffre se verrouille aussi à la mise en veille et au verrouillage de l’écran.',
    },
    label: { 'en-US': 'Minutes (0 = never)', 'de-DE': 'Minuten (0 = nie)', 'fr-FR': 'Minutes (0 = jamais)' },
    macExample: 5,
  },
  authorityUrl: {
    name: { 'en-US': 'Address of the administration’s API', 'de-DE': 'Adresse der API der Verwaltung', 'fr-FR': 'Adresse de l’API de l’administration' },
    explain: {
      'en-US':
        'The URL of the administration’s API the app signs in to and submits procedures to, for example https://api.guichet.example.lu/v1. It must use https (http only to this computer). Empty: the built-in demo sandbox.',
      'de-DE':
        'Die URL der API der Verwaltung, bei der sich die App anmeldet und an die sie Verfahren übermittelt, zum Beispiel https://api.guichet.example.lu/v1. Sie muss https verwenden (http nur zu diesem Computer). Leer: die eingebaute Demo-Sandbox.',
      'fr-FR':
        'L’URL de l’API de l’administration à laquelle l’application se connecte et transmet les démarches, par exemple https://api.guichet.example.lu/v1. Elle doit utiliser https (http seulement vers cet ordinateur). Vide : le bac à sable de démonstration intégré.',
    },
    label: { 'en-US': 'URL', 'de-DE': 'URL', 'fr-FR': 'URL' },
    macExample: 'https://api.guichet.example.lu/v1',
  },
  proxyUrl: {
    name: { 'en-US': 'Proxy for the administration’s API', 'de-DE': 'Proxy für die API der Verwaltung', 'fr-FR': 'Proxy pour l’API de l’administration' },
    explain: {
      'en-US':
        'The proxy the requests to the administration’s API go through, for example http://proxy.corp.example.lu:3128/: https, or http without a user name and password (the API’s traffic is tunnelled through it with TLS end to end). Empty: direct connection.',
      'de-DE':
        'Der Proxy, über den die Anfragen an die API der Verwaltung gehen, zum Beispiel http://proxy.corp.example.lu:3128/: https, oder http ohne Benutzername und Passwort (der Verkehr zur API läuft darin als TLS-Tunnel, Ende zu Ende verschlüsselt). Leer: direkte Verbindung.',
      'fr-FR':
        'Le proxy par lequel passent les requêtes vers l’API de l’administration, par exemple http://proxy.corp.example.lu:3128/ : https, ou http sans nom d’utilisateur ni mot de passe (le trafic vers l’API y passe dans un tunnel TLS, chiffré de bout en bout). Vide : connexion directe.',
    },
    label: { 'en-US': 'Proxy URL', 'de-DE': 'Proxy-URL', 'fr-FR': 'URL du proxy' },
    macExample: 'http://proxy.corp.example.lu:3128/',
  },
  mailboxNotifications: {
    name: { 'en-US': 'Notifications of new messages', 'de-DE': 'Benachrichtigungen über neue Nachrichten', 'fr-FR': 'Notifications des nouveaux messages' },
    explain: {
      'en-US': 'Whether new messages from the administration raise a notification (in the app, and a system notification in the desktop app). Disabled: no notification; the unread count still shows.',
      'de-DE':
        'Ob neue Nachrichten der Verwaltung eine Benachrichtigung auslösen (in der App und als Systembenachrichtigung). Deaktiviert: keine Benachrichtigung; die Zahl der ungelesenen Nachrichten wird weiter angezeigt.',
      'fr-FR':
        'Si les nouveaux messages de l’administration déclenchent une notification (dans l’application et, dans l’application de bureau, du système). Désactivé : aucune notification ; le nombre de messages non lus reste affiché.',
    },
    macExample: true,
  },
  pkcs11Modules: {
    name: { 'en-US': 'Additional PKCS#11 modules', 'de-DE': 'Zusätzliche PKCS#11-Module', 'fr-FR': 'Modules PKCS#11 supplémentaires' },
    explain: {
      'en-US':
        'Full paths of PKCS#11 libraries (smart card and signing stick middleware) the app loads besides the ones it knows (Thales/Gemalto Classic Client, IDPrime, OpenSC, the eID middleware), one per line, at most 32. Only list libraries installed in folders that only administrators can write to.',
      'de-DE':
        'Vollständige Pfade von PKCS#11-Bibliotheken (Middleware für Chipkarten und Signatur-Sticks), die die App zusätzlich zu den ihr bekannten lädt (Thales/Gemalto Classic Client, IDPrime, OpenSC, die eID-Middleware), einer pro Zeile, höchstens 32. Geben Sie nur Bibliotheken in Ordnern an, in die nur Administratoren schreiben können.',
      'fr-FR':
        'Chemins complets de bibliothèques PKCS#11 (intergiciels de cartes à puce et de clés de signature) que l’application charge en plus de celles qu’elle connaît (Thales/Gemalto Classic Client, IDPrime, OpenSC, l’intergiciel eID), un par ligne, 32 au plus. N’indiquez que des bibliothèques installées dans des dossiers où seuls les administrateurs peuvent écrire.',
    },
    label: { 'en-US': 'Library paths, one per line', 'de-DE': 'Pfade der Bibliotheken, einer pro Zeile', 'fr-FR': 'Chemins des bibliothèques, un par ligne' },
    macExample: ['/Library/Frameworks/Pkcs11ClassicClient.framework/Versions/A/Pkcs11ClassicClient/libgclib.dylib'],
  },
};
