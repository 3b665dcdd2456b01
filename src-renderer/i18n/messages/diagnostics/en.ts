export const diagnosticsEn = {
  title: 'Diagnostics',
  intro: 'A report for your help desk: versions, the policy in effect, smart card middleware and readers, the connection to the administration, and the recent log. It holds no personal data.',
  create: 'Create report',
  creating: 'Creating the report (checking the connections)…',
  reportLabel: 'Diagnostics report',
  save: 'Save…',
  saveDialogTitle: 'Save the diagnostics report',
  saved: 'Saved as {name}.',
};
