import { ipcMain, type BrowserWindow } from 'electron';
import { callChannel, eventChannel } from '../../src-shared/contract/channels';
import type { MainContext } from '../createMainContext';

/** One ipcMain handler per contract call, each going through the router (sender check, validation, errors). */
export function bindIpc(context: MainContext, windows: () => BrowserWindow[]): () => void {
  for (const name of context.router.callNames) {
    ipcMain.handle(callChannel(name), (event, input: unknown) =>
      context.router.dispatch(name, input, { url: event.senderFrame?.url ?? '' }),
    );
  }
  const unsubscribe = context.events.subscribe((name, payload) => {
    for (const window of windows()) {
      if (!window.isDestroyed()) window.webContents.send(eventChannel(name), payload);
    }
  });
  return () => {
    unsubscribe();
    for (const name of context.router.callNames) ipcMain.removeHandler(callChannel(name));
  };
}
