import type { mailboxCalls } from '../../../src-shared/contract/mailboxContract';
import type { HandlersFor } from '../HandlersFor';
import type { FileHandleRegistry } from '../../files/FileHandleRegistry';
import type { MailboxService } from '../../mailbox/MailboxService';

export function createMailboxHandlers(deps: { mailbox: MailboxService; files: FileHandleRegistry }): HandlersFor<typeof mailboxCalls> {
  const { mailbox, files } = deps;
  return {
    'mailbox.list': (input) => mailbox.list(input),
    'mailbox.counts': () => mailbox.counts(),
    'mailbox.get': ({ messageId }) => mailbox.get(messageId),
    'mailbox.markRead': ({ messageId, read }) => mailbox.markRead(messageId, read),
    'mailbox.attachment': ({ messageId, fileId }) => {
      const { name, mediaType, content } = mailbox.attachment(messageId, fileId);
      return { name, mediaType, contentBase64: content.toString('base64') };
    },
    'mailbox.saveAttachment': async ({ messageId, fileId, saveTo }) => {
      // Checked before the handle is used up: a wrong message or file leaves the chosen file alone.
      mailbox.attachment(messageId, fileId);
      return mailbox.save(messageId, fileId, files.take(saveTo, 'pdfDocument', 'save'));
    },
  };
}
