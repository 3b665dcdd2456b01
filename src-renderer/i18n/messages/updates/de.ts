import type { updatesEn } from './en';

export const updatesDe: typeof updatesEn = {
  title: 'Updates',
  version: 'Version {version}',
  state: {
    off: {
      policy: 'Updates sind von Ihrer Administration ausgeschaltet.',
      setting: 'Updates sind ausgeschaltet.',
      unsupported: 'Diese Kopie von Guichet Desktop aktualisiert sich nicht selbst.',
    },
    idle: 'In Kürze wird nach Updates gesucht.',
    checking: 'Suche nach Updates…',
    upToDate: 'Guichet Desktop ist aktuell (geprüft {time}).',
    available: 'Version {version} ist verfügbar.',
    downloading: 'Version {version} wird heruntergeladen…',
    ready: 'Version {version} ist heruntergeladen. Sie wird beim Neustart von Guichet Desktop installiert.',
    readyOnQuit: 'Version {version} wird installiert, wenn Sie Guichet Desktop das nächste Mal beenden.',
    error: {
      check: 'Es konnte nicht nach Updates gesucht werden: {reason}',
      download: 'Version {version} konnte nicht heruntergeladen werden: {reason}',
    },
  },
  errors: {
    network: 'Der Update-Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung.',
    server: 'Der Update-Server hat mit einem Fehler geantwortet. Versuchen Sie es später erneut.',
    notFound: 'Der Update-Server hat keine Version für diesen Kanal.',
    feed: 'Die Antwort des Update-Servers ist nicht lesbar.',
    checksum: 'Die empfangene Datei ist nicht die veröffentlichte. Es wurde nichts installiert.',
    unknown: 'Ein unerwartetes Problem ist aufgetreten.',
  },
  progressLabel: 'Download des Updates',
  checkNow: 'Jetzt suchen',
  download: 'Herunterladen',
  downloadAgain: 'Erneut herunterladen',
  restartNow: 'Neu starten und installieren',
  installOnQuit: 'Beim Beenden installieren',
  enabled: 'Automatisch nach Updates suchen',
  enabledHelp: 'Ausgeschaltet sendet Guichet Desktop keine Anfrage an den Update-Server.',
  channel: 'Kanal',
  channels: { stable: 'Stabil', beta: 'Beta (frühe Versionen)' },
  channelHelp: 'Beta-Versionen kommen früher und können noch Probleme haben.',
};
