import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createMainContext, type MainContext } from './createMainContext';
import { createConsoleLogger } from './log/createConsoleLogger';
import { APP_ORIGIN } from './app/appProtocol';
import { bindIpc } from './app/bindIpc';
import { createElectronHost } from './app/createElectronHost';
import { createMainWindow } from './app/createMainWindow';
import { createSafeStorageProtector } from './app/createSafeStorageProtector';
import { createElectronUpdater } from './app/createElectronUpdater';
import { lockVaultOnSystemEvents } from './app/lockVaultOnSystemEvents';
import { applyApplicationMenu } from './app/applicationMenu';
import { createChromiumTransportFactory } from './app/createChromiumTransport';
import { WindowStateStore } from './window/WindowStateStore';
import type { AppCommand } from '../src-shared/app/appCommands';
import { notifyNewMessages } from './app/notifyNewMessages';
import { hardenWebContents } from './app/hardenWebContents';
import { registerAppSchemePrivileges, serveRenderer } from './app/registerAppProtocol';
import { startDemoAuthority } from './authority/startDemoAuthority';
import { readMachinePolicy } from './policy/readMachinePolicy';
import { PolicyError } from './policy/PolicyError';
import { policyErrorText } from './policy/policyErrorText';

// The Electron entry: wiring only. Everything it wires is plain Node, tested without Electron.
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '../dist/renderer');
const preloadPath = path.join(here, 'preload.cjs');
// Packaged: electron-builder's extraResources; unpackaged (npm start): the repository's folders.
const resources = app.isPackaged
  ? {
      forms: path.join(process.resourcesPath, 'forms'),
      openApi: path.join(process.resourcesPath, 'api/authority.openapi.yaml'),
      opensc: path.join(process.resourcesPath, 'opensc/opensc.conf'),
    }
  : { forms: path.join(here, '../resources/forms'), openApi: path.join(here, '../api/authority.openapi.yaml'), opensc: path.join(here, '../resources/opensc/opensc.conf') };
const log = createConsoleLogger('info');

if (!app.requestSingleInstanceLock()) app.quit();
// Windows groups windows, taskbar pins and notifications by this id: the installers' appId (electron-builder.yml).
if (process.platform === 'win32') app.setAppUserModelId('lu.guichet.desktop');
registerAppSchemePrivileges();
app.enableSandbox();

let context: MainContext | undefined;

async function start(): Promise<void> {
  await app.whenReady();
  let policy;
  try {
    policy = await readMachinePolicy();
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    // Running without what the administrator enforced (an authority URL, a proxy, the idle lock) is worse than not running.
    log.error('policy.invalid', { source: error.source, problems: error.problems.map((p) => `${p.path} ${p.message}`) });
    const text = policyErrorText(error, app.getPreferredSystemLanguages());
    dialog.showErrorBox(text.title, text.body);
    app.exit(2);
    return;
  }
  hardenWebContents(app, session.defaultSession, APP_ORIGIN);
  serveRenderer(rendererRoot);
  context = await createMainContext({
    userDataDir: app.getPath('userData'),
    logsDir: app.getPath('logs'),
    host: createElectronHost(),
    log,
    trustedOrigins: [APP_ORIGIN],
    policy,
    keyProtector: createSafeStorageProtector(process.platform),
    formsDir: resources.forms,
    openscConfig: resources.opensc,
    updates: { createUpdater: () => createElectronUpdater(log) },
    // The authority's and the TSA's requests through Chromium's network stack: system proxy, PAC, the OS store.
    transport: createChromiumTransportFactory(),
    authority: {
      // Demo mode only: the sandbox (a whole authority server with its test PKI) is loaded when the demo starts, so it
      // is never in what the production main loads (tests/integration/packaging/mainStaticGraph.test.ts).
      startDemo: async (userDataDir) => {
        const { startSandbox } = await import('../src-sandbox/createSandbox');
        return startDemoAuthority(userDataDir, { startSandbox, formsDir: resources.forms, openApiPath: resources.openApi });
      },
    },
  });
  lockVaultOnSystemEvents(context.vault);
  notifyNewMessages(context, () => app.getLocale());
  bindIpc(context, () => BrowserWindow.getAllWindows());
  const mainContext = context;
  const menuLanguage = () => mainContext.settings.get('language') ?? app.getLocale();
  const sendCommand = (command: AppCommand) => mainContext.events.emit('app.menuCommand', command);
  applyApplicationMenu(menuLanguage(), sendCommand);
  // Rebuilt only when the language it speaks changes, not for every setting.
  let menuShownIn = menuLanguage();
  mainContext.events.on('settings.changed', () => {
    if (menuLanguage() === menuShownIn) return;
    menuShownIn = menuLanguage();
    applyApplicationMenu(menuShownIn, sendCommand);
  });
  const windowState = new WindowStateStore(path.join(app.getPath('userData'), 'window-state.json'));
  const state = await windowState.load();
  const open = () => createMainWindow({ preloadPath, url: `${APP_ORIGIN}/index.html`, title: 'Guichet Desktop', state, store: windowState });
  open();
  // A second start (a shortcut clicked again) brings this window back, from the taskbar if it was minimized.
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return void open();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  context?.vault.lock('quit');
  void context?.dispose();
});

start().catch((error: unknown) => {
  log.error('app.startFailed', { error: error instanceof Error ? error.message : String(error) });
  app.exit(1);
});
