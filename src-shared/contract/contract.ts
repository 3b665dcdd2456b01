import { appCalls, appEvents } from './appContract';
import { settingsCalls, settingsEvents } from './settingsContract';
import { vaultCalls, vaultEvents, vaultProfileCalls } from './vaultContract';
import { formsCalls } from './formsContract';
import { connectionCalls, connectionEvents } from './connectionContract';
import { syncCalls, syncEvents } from './syncContract';
import { dossiersCalls, dossiersEvents } from './dossiersContract';
import { outboxCalls } from './outboxContract';
import { tokensCalls, tokensEvents } from './tokensContract';
import { sessionCalls } from './sessionContract';
import { submissionsCalls, submissionsEvents } from './submissionsContract';
import { cosignaturesCalls } from './cosignaturesContract';
import { dashboardCalls } from './dashboardContract';
import { searchCalls } from './searchContract';
import { mailboxCalls, mailboxEvents } from './mailboxContract';
import { diagnosticsCalls } from './diagnosticsContract';
import { updatesCalls, updatesEvents } from './updatesContract';
import { myDataCalls } from './myDataContract';

/**
 * Every call and event between renderer and main, declared once. Adding a call: declare it in its domain file
 * (or add a domain file and spread it here), then give it a handler in src-main/ipc/handlers.
 */
export const contractCalls = {
  ...appCalls,
  ...settingsCalls,
  ...vaultCalls,
  ...vaultProfileCalls,
  ...formsCalls,
  ...connectionCalls,
  ...syncCalls,
  ...dossiersCalls,
  ...outboxCalls,
  ...tokensCalls,
  ...sessionCalls,
  ...submissionsCalls,
  ...cosignaturesCalls,
  ...dashboardCalls,
  ...searchCalls,
  ...mailboxCalls,
  ...diagnosticsCalls,
  ...updatesCalls,
  ...myDataCalls,
} as const;

export const contractEvents = {
  ...appEvents,
  ...settingsEvents,
  ...vaultEvents,
  ...connectionEvents,
  ...syncEvents,
  ...dossiersEvents,
  ...mailboxEvents,
  ...tokensEvents,
  ...submissionsEvents,
  ...updatesEvents,
} as const;
