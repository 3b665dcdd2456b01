import { randomBytes } from 'node:crypto';

export interface PageDialogEntry {
  name: string;
  sizeBytes: number;
}

export type PageDialogRequest =
  | { kind: 'open'; title: string; entries: PageDialogEntry[] }
  | { kind: 'save'; title: string; defaultName: string; entries: PageDialogEntry[] }
  | { kind: 'confirm'; title: string; message: string; detail: string; confirmLabel: string; cancelLabel: string };

export type PageDialogAnswer = null | { name: string } | { confirmed: true };

/**
 * Dialogs that main asks the page to show, for a host without native ones (the dev host in a browser). Main decides
 * what is offered and checks every answer against it (see tools/devhost/createFolderDialogs); one dialog at a time,
 * a new one cancels the one still open.
 */
export class PageDialogBroker {
  private pending: { id: string; resolve: (answer: PageDialogAnswer) => void } | null = null;
  private readonly listeners = new Set<(id: string, request: PageDialogRequest) => void>();

  onRequest(listener: (id: string, request: PageDialogRequest) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  ask(request: PageDialogRequest): Promise<PageDialogAnswer> {
    this.pending?.resolve(null);
    const id = `dlg_${randomBytes(12).toString('base64url')}`;
    return new Promise((resolve) => {
      this.pending = { id, resolve };
      if (this.listeners.size === 0) this.answer(id, null);
      for (const listener of this.listeners) listener(id, request);
    });
  }

  /** false when no dialog with this id is open (answered, replaced, or never asked). */
  answer(id: string, answer: PageDialogAnswer): boolean {
    if (!this.pending || this.pending.id !== id) return false;
    const { resolve } = this.pending;
    this.pending = null;
    resolve(answer);
    return true;
  }
}
