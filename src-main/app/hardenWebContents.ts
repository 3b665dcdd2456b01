import { shell, type App, type Session } from 'electron';
import { decideWindowOpen, isNavigationAllowed } from './navigationPolicy';
import { isPermissionAllowed } from './permissionPolicy';

/** Applies the navigation, window.open, webview and permission rules to every web contents the app ever makes. */
export function hardenWebContents(app: App, session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((webContents, permission, callback) => {
    callback(isPermissionAllowed(permission, webContents.getURL(), appOrigin));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, appOrigin));

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url, appOrigin)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isNavigationAllowed(url, appOrigin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      if (decision.openExternally) void shell.openExternal(decision.openExternally);
      return { action: decision.action };
    });
  });
}
