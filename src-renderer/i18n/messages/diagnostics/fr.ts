export const diagnosticsFr = {
  title: 'Diagnostic',
  intro: 'Un rapport pour votre support : versions, politique en vigueur, logiciels et lecteurs de cartes à puce, connexion à l’administration et journal récent. Il ne contient aucune donnée personnelle.',
  create: 'Créer le rapport',
  creating: 'Création du rapport (vérification des connexions)…',
  reportLabel: 'Rapport de diagnostic',
  save: 'Enregistrer…',
  saveDialogTitle: 'Enregistrer le rapport de diagnostic',
  saved: 'Enregistré sous {name}.',
};
