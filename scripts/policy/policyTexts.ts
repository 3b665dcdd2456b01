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
  proxyMode: {
    name: { 'en-US': 'How to reach the administration', 'de-DE': 'Verbindung zur Verwaltung', 'fr-FR': 'Connexion à l’administration' },
    explain: {
      'en-US':
        'How the requests to the administration’s API and to the timestamp authority find their way. System: the proxy settings of Windows or macOS, a PAC file and its authentication included (the desktop app sends them through Chromium’s network stack). Manual: the proxy in “Proxy for the administration’s API”. Direct: no proxy.',
      'de-DE':
        'Wie die Anfragen an die API der Verwaltung und an den Zeitstempeldienst ihren Weg finden. System: die Proxy-Einstellungen von Windows oder macOS, einschließlich PAC-Datei und Anmeldung (die Desktop-App sendet sie über den Netzwerk-Stack von Chromium). Manuell: der Proxy unter „Proxy für die API der Verwaltung“. Direkt: kein Proxy.',
      'fr-FR':
        'Comment les requêtes vers l’API de l’administration et vers l’horodatage trouvent leur chemin. Système : les paramètres de proxy de Windows ou de macOS, fichier PAC et authentification compris (l’application de bureau les envoie par la pile réseau de Chromium). Manuel : le proxy indiqué dans « Proxy pour l’API de l’administration ». Direct : aucun proxy.',
    },
    label: { 'en-US': 'Connection', 'de-DE': 'Verbindung', 'fr-FR': 'Connexion' },
    choices: {
      system: { 'en-US': 'System proxy settings', 'de-DE': 'Proxy-Einstellungen des Systems', 'fr-FR': 'Paramètres de proxy du système' },
      manual: { 'en-US': 'The proxy set below', 'de-DE': 'Der unten angegebene Proxy', 'fr-FR': 'Le proxy indiqué ci-dessous' },
      direct: { 'en-US': 'Direct (no proxy)', 'de-DE': 'Direkt (kein Proxy)', 'fr-FR': 'Direct (sans proxy)' },
    },
    macExample: 'system',
  },
  updatesEnabled: {
    name: { 'en-US': 'Look for updates', 'de-DE': 'Nach Updates suchen', 'fr-FR': 'Rechercher les mises à jour' },
    explain: {
      'en-US':
        'Whether the app looks for new versions (at start and every few hours) and offers to download and install them; the user decides when. Disabled: no update request is ever sent; the administrator deploys new versions.',
      'de-DE':
        'Ob die App nach neuen Versionen sucht (beim Start und alle paar Stunden) und anbietet, sie herunterzuladen und zu installieren; der Benutzer entscheidet, wann. Deaktiviert: Es wird nie eine Update-Anfrage gesendet; die IT-Abteilung verteilt neue Versionen.',
      'fr-FR':
        'Si l’application recherche de nouvelles versions (au démarrage et toutes les quelques heures) et propose de les télécharger et de les installer ; l’utilisateur décide quand. Désactivé : aucune requête de mise à jour n’est jamais envoyée ; l’administrateur déploie les nouvelles versions.',
    },
    macExample: false,
  },
  updateChannel: {
    name: { 'en-US': 'Update channel', 'de-DE': 'Update-Kanal', 'fr-FR': 'Canal de mise à jour' },
    explain: {
      'en-US': 'Which releases updates follow: stable releases only, or also the beta releases published before them.',
      'de-DE': 'Welchen Versionen die Updates folgen: nur stabilen Versionen oder auch den vorher veröffentlichten Beta-Versionen.',
      'fr-FR': 'Quelles versions les mises à jour suivent : les versions stables seulement, ou aussi les versions bêta publiées avant elles.',
    },
    label: { 'en-US': 'Channel', 'de-DE': 'Kanal', 'fr-FR': 'Canal' },
    choices: {
      stable: { 'en-US': 'Stable', 'de-DE': 'Stabil', 'fr-FR': 'Stable' },
      beta: { 'en-US': 'Beta', 'de-DE': 'Beta', 'fr-FR': 'Bêta' },
    },
    macExample: 'stable',
  },
  updateUrl: {
    name: { 'en-US': 'Address of the update server', 'de-DE': 'Adresse des Update-Servers', 'fr-FR': 'Adresse du serveur de mises à jour' },
    explain: {
      'en-US':
        'The https address where new versions are published (the files latest.yml / beta.yml and the installers, as electron-builder publishes them), for example a mirror inside the company. Empty: the address the app was built with.',
      'de-DE':
        'Die https-Adresse, unter der neue Versionen veröffentlicht werden (die Dateien latest.yml / beta.yml und die Installationsprogramme, wie electron-builder sie veröffentlicht), zum Beispiel ein Spiegel im Unternehmen. Leer: die Adresse, mit der die App gebaut wurde.',
      'fr-FR':
        'L’adresse https où les nouvelles versions sont publiées (les fichiers latest.yml / beta.yml et les installateurs, tels qu’electron-builder les publie), par exemple un miroir dans l’entreprise. Vide : l’adresse avec laquelle l’application a été construite.',
    },
    label: { 'en-US': 'URL', 'de-DE': 'URL', 'fr-FR': 'URL' },
    macExample: 'https://updates.guichet.example.lu/desktop/',
  },
  demoModeAllowed: {
    name: { 'en-US': 'Allow the demo mode', 'de-DE': 'Demo-Modus erlauben', 'fr-FR': 'Autoriser le mode démonstration' },
    explain: {
      'en-US':
        'Whether the app may run its built-in demo sandbox (a simulated administration with demo data) when no address of the administration’s API is set. Disabled: without an address the app says to ask the administrator for one.',
      'de-DE':
        'Ob die App ihre eingebaute Demo-Sandbox (eine simulierte Verwaltung mit Demodaten) ausführen darf, wenn keine Adresse der API der Verwaltung festgelegt ist. Deaktiviert: Ohne Adresse bittet die App darum, sich an die IT-Abteilung zu wenden.',
      'fr-FR':
        'Si l’application peut lancer son bac à sable de démonstration intégré (une administration simulée avec des données de démonstration) quand aucune adresse de l’API de l’administration n’est définie. Désactivé : sans adresse, l’application invite à la demander à l’administrateur.',
    },
    macExample: false,
  },
  pkcs12Allowed: {
    name: { 'en-US': 'Allow certificate files (PKCS#12)', 'de-DE': 'Zertifikatsdateien (PKCS#12) erlauben', 'fr-FR': 'Autoriser les fichiers de certificat (PKCS#12)' },
    explain: {
      'en-US': 'Whether users may sign in and sign with a certificate file (.p12, .pfx) besides smart cards and signing sticks. Disabled: only keys on a card or token.',
      'de-DE': 'Ob Benutzer sich mit einer Zertifikatsdatei (.p12, .pfx) anmelden und damit signieren dürfen, neben Chipkarten und Signatur-Sticks. Deaktiviert: nur Schlüssel auf einer Karte oder einem Token.',
      'fr-FR': 'Si les utilisateurs peuvent se connecter et signer avec un fichier de certificat (.p12, .pfx) en plus des cartes à puce et des clés de signature. Désactivé : seulement des clés sur une carte ou un token.',
    },
    macExample: false,
  },
  tsaUrl: {
    name: { 'en-US': 'Timestamp authority', 'de-DE': 'Zeitstempeldienst', 'fr-FR': 'Service d’horodatage' },
    explain: {
      'en-US': 'The address of the RFC 3161 timestamp authority for signatures at level B-T, for example a qualified TSA the company uses. Empty: the one the administration names.',
      'de-DE': 'Die Adresse des RFC-3161-Zeitstempeldienstes für Signaturen der Stufe B-T, zum Beispiel ein qualifizierter Dienst, den das Unternehmen nutzt. Leer: der von der Verwaltung genannte.',
      'fr-FR': 'L’adresse du service d’horodatage RFC 3161 pour les signatures de niveau B-T, par exemple un service qualifié utilisé par l’entreprise. Vide : celui que l’administration indique.',
    },
    label: { 'en-US': 'URL', 'de-DE': 'URL', 'fr-FR': 'URL' },
    macExample: 'https://tsa.example.lu/',
  },
  trustedRootCertificates: {
    name: { 'en-US': 'Additional trusted root certificates', 'de-DE': 'Zusätzliche vertrauenswürdige Stammzertifikate', 'fr-FR': 'Certificats racines de confiance supplémentaires' },
    explain: {
      'en-US':
        'Root certificates trusted besides the system’s for the connections to the administration and the timestamp authority (for example the company’s TLS inspection) and for checking signatures: one certificate per line, as its base64 DER (a PEM file’s lines between BEGIN and END, joined), at most 16.',
      'de-DE':
        'Stammzertifikate, denen zusätzlich zu denen des Systems für die Verbindungen zur Verwaltung und zum Zeitstempeldienst (zum Beispiel die TLS-Prüfung des Unternehmens) und beim Prüfen von Signaturen vertraut wird: ein Zertifikat pro Zeile, als Base64-DER (die Zeilen einer PEM-Datei zwischen BEGIN und END, aneinandergefügt), höchstens 16.',
      'fr-FR':
        'Certificats racines de confiance, en plus de ceux du système, pour les connexions à l’administration et à l’horodatage (par exemple l’inspection TLS de l’entreprise) et pour vérifier les signatures : un certificat par ligne, en DER base64 (les lignes d’un fichier PEM entre BEGIN et END, mises bout à bout), 16 au plus.',
    },
    label: { 'en-US': 'Certificates, one per line (base64)', 'de-DE': 'Zertifikate, eines pro Zeile (Base64)', 'fr-FR': 'Certificats, un par ligne (base64)' },
    // A real certificate (an example root made for this profile, no key kept): replace it with the company's.
    macExample: ['MIIB6zCCAZGgAwIBAgIUU3bZhgILGbqBFK4+9CKWDoFxJ3MwCgYIKoZIzj0EAwIwQjEVMBMGA1UECgwMRXhhbXBsZSBDb3JwMSkwJwYDVQQDDCBFeGFtcGxlIENvcnAgUm9vdCBDQSAxIChleGFtcGxlKTAgFw0yNjEyMDExNjMzNDBaGA8yMTI2MTEwNzE2MzM0MFowQjEVMBMGA1UECgwMRXhhbXBsZSBDb3JwMSkwJwYDVQQDDCBFeGFtcGxlIENvcnAgUm9vdCBDQSAxIChleGFtcGxlKTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABMg+qvw0wgNeDTHKzZ3fQ0fIe4BU5MjNh4l0fpLx+dSLahoHIhq49SLsQSyIDAQm9GkGXZuO7Pg0UUHsUvMHXfCjYzBhMB0GA1UdDgQWBBQeAPkkeAsFPmkS3+CTD2IrixLVWTAfBgNVHSMEGDAWgBQeAPkkeAsFPmkS3+CTD2IrixLVWTAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAKBggqhkjOPQQDAgNIADBFAiEAgQLhy64Ga0lpFeENV7utG8o8+QCtH9TdW5ZY/O5T2WsCIBwtmzpaN1dqNv6cbweCYg6k5dbq0nRBCabKBS0aLVYd'],
  },
  logLevel: {
    name: { 'en-US': 'Log level', 'de-DE': 'Protokollstufe', 'fr-FR': 'Niveau de journalisation' },
    explain: {
      'en-US': 'What the app’s log files keep (they hold no personal data and no secrets): errors only, warnings, information (the default) or details for support.',
      'de-DE': 'Was die Protokolldateien der App festhalten (sie enthalten keine persönlichen Daten und keine Geheimnisse): nur Fehler, Warnungen, Informationen (Standard) oder Details für den Support.',
      'fr-FR': 'Ce que les journaux de l’application conservent (ils ne contiennent ni données personnelles ni secrets) : les erreurs seulement, les avertissements, les informations (par défaut) ou les détails pour le support.',
    },
    label: { 'en-US': 'Level', 'de-DE': 'Stufe', 'fr-FR': 'Niveau' },
    choices: {
      error: { 'en-US': 'Errors', 'de-DE': 'Fehler', 'fr-FR': 'Erreurs' },
      warn: { 'en-US': 'Warnings', 'de-DE': 'Warnungen', 'fr-FR': 'Avertissements' },
      info: { 'en-US': 'Information', 'de-DE': 'Informationen', 'fr-FR': 'Informations' },
      debug: { 'en-US': 'Details for support', 'de-DE': 'Details für den Support', 'fr-FR': 'Détails pour le support' },
    },
    macExample: 'info',
  },
  idleLockMinMinutes: {
    name: { 'en-US': 'Shortest idle lock users may choose (minutes)', 'de-DE': 'Kürzeste wählbare Sperre bei Inaktivität (Minuten)', 'fr-FR': 'Verrouillage pour inactivité le plus court au choix (minutes)' },
    explain: {
      'en-US': 'The smallest number of minutes users may set for the idle lock; 0 lets them choose any, “never” included.',
      'de-DE': 'Die kleinste Zahl von Minuten, die Benutzer für die Sperre bei Inaktivität festlegen können; 0 erlaubt jede, auch „nie“.',
      'fr-FR': 'Le plus petit nombre de minutes que les utilisateurs peuvent choisir pour le verrouillage pour inactivité ; 0 permet n’importe lequel, « jamais » compris.',
    },
    label: { 'en-US': 'Minutes', 'de-DE': 'Minuten', 'fr-FR': 'Minutes' },
    macExample: 0,
  },
  idleLockMaxMinutes: {
    name: { 'en-US': 'Longest idle lock users may choose (minutes)', 'de-DE': 'Längste wählbare Sperre bei Inaktivität (Minuten)', 'fr-FR': 'Verrouillage pour inactivité le plus long au choix (minutes)' },
    explain: {
      'en-US': 'The largest number of minutes users may set for the idle lock. Below 1440 users cannot turn the idle lock off: “never” locks after this many minutes.',
      'de-DE': 'Die größte Zahl von Minuten, die Benutzer für die Sperre bei Inaktivität festlegen können. Unter 1440 können Benutzer die Sperre nicht ausschalten: „nie“ sperrt nach so vielen Minuten.',
      'fr-FR': 'Le plus grand nombre de minutes que les utilisateurs peuvent choisir pour le verrouillage pour inactivité. En dessous de 1440, ils ne peuvent pas le désactiver : « jamais » verrouille après ce nombre de minutes.',
    },
    label: { 'en-US': 'Minutes', 'de-DE': 'Minuten', 'fr-FR': 'Minutes' },
    macExample: 30,
  },
  allowedLanguages: {
    name: { 'en-US': 'Languages offered', 'de-DE': 'Angebotene Sprachen', 'fr-FR': 'Langues proposées' },
    explain: {
      'en-US': 'The interface languages users may choose, one language code per line: de, fr, en. A system language not in the list is replaced by the first one.',
      'de-DE': 'Die Sprachen der Oberfläche, die Benutzer wählen können, ein Sprachcode pro Zeile: de, fr, en. Eine Systemsprache außerhalb der Liste wird durch die erste ersetzt.',
      'fr-FR': 'Les langues de l’interface que les utilisateurs peuvent choisir, un code de langue par ligne : de, fr, en. Une langue du système absente de la liste est remplacée par la première.',
    },
    label: { 'en-US': 'Language codes, one per line', 'de-DE': 'Sprachcodes, einer pro Zeile', 'fr-FR': 'Codes de langue, un par ligne' },
    macExample: ['fr', 'de'],
  },
};
