import type { updatesEn } from './en';

export const updatesFr: typeof updatesEn = {
  title: 'Mises à jour',
  version: 'Version {version}',
  state: {
    off: {
      policy: 'Les mises à jour sont désactivées par votre administrateur.',
      setting: 'Les mises à jour sont désactivées.',
      unsupported: 'Cette copie de Guichet Desktop ne se met pas à jour elle-même.',
    },
    idle: 'Les mises à jour seront recherchées sous peu.',
    checking: 'Recherche de mises à jour…',
    upToDate: 'Guichet Desktop est à jour (vérifié {time}).',
    available: 'La version {version} est disponible.',
    downloading: 'Téléchargement de la version {version}…',
    ready: 'La version {version} est téléchargée. Elle sera installée au redémarrage de Guichet Desktop.',
    readyOnQuit: 'La version {version} sera installée lorsque vous quitterez Guichet Desktop.',
    error: {
      check: 'Les mises à jour n’ont pas pu être recherchées : {reason}',
      download: 'La version {version} n’a pas pu être téléchargée : {reason}',
    },
  },
  errors: {
    network: 'le serveur de mises à jour est injoignable. Vérifiez votre connexion.',
    server: 'le serveur de mises à jour a répondu par une erreur. Réessayez plus tard.',
    notFound: 'le serveur de mises à jour n’a aucune version pour ce canal.',
    feed: 'la réponse du serveur de mises à jour est illisible.',
    checksum: 'le fichier reçu n’est pas celui qui a été publié. Rien n’a été installé.',
    unknown: 'un problème inattendu est survenu.',
  },
  progressLabel: 'Téléchargement de la mise à jour',
  checkNow: 'Rechercher maintenant',
  download: 'Télécharger',
  downloadAgain: 'Télécharger à nouveau',
  restartNow: 'Redémarrer pour installer',
  installOnQuit: 'Installer en quittant',
  enabled: 'Rechercher les mises à jour automatiquement',
  enabledHelp: 'Désactivé, Guichet Desktop n’envoie aucune requête au serveur de mises à jour.',
  channel: 'Canal',
  channels: { stable: 'Stable', beta: 'Bêta (versions anticipées)' },
  channelHelp: 'Les versions bêta arrivent plus tôt et peuvent encore contenir des problèmes.',
};
