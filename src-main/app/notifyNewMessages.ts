import { BrowserWindow, Notification } from 'electron';
import type { MainContext } from '../createMainContext';
import { notificationText } from '../mailbox/notificationText';

/**
 * New messages of the administration as a system notification (the renderer shows its own toast as well); a click
 * brings the window forward and asks the renderer to open the dossier. Nothing when the setting (or policy) is off:
 * main raises no notice then.
 */
export function notifyNewMessages(context: MainContext, systemLanguage: () => string): () => void {
  return context.events.on('mailbox.newMessages', (notice) => {
    if (!Notification.isSupported()) return;
    const setting = context.settings.get('language');
    const fromSystem = systemLanguage().slice(0, 2);
    const language = setting ?? (fromSystem === 'de' || fromSystem === 'fr' ? fromSystem : 'en');
    const { title, body } = notificationText(notice, language);
    const notification = new Notification({ title, body, silent: false });
    notification.on('click', () => {
      const window = BrowserWindow.getAllWindows()[0];
      if (window) {
        if (window.isMinimized()) window.restore();
        window.focus();
      }
      context.events.emit('mailbox.openRequested', { reference: notice.latest.dossierReference });
    });
    notification.show();
  });
}
