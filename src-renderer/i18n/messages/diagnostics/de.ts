export const diagnosticsDe = {
  title: 'Diagnose',
  intro: 'Ein Bericht für Ihren Support: Versionen, die geltende Richtlinie, Chipkarten-Middleware und Lesegeräte, die Verbindung zur Verwaltung und das aktuelle Protokoll. Er enthält keine persönlichen Daten.',
  create: 'Bericht erstellen',
  creating: 'Der Bericht wird erstellt (die Verbindungen werden geprüft)…',
  reportLabel: 'Diagnosebericht',
  save: 'Speichern…',
  saveDialogTitle: 'Diagnosebericht speichern',
  saved: 'Gespeichert als {name}.',
};
