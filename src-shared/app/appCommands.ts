import { z } from 'zod';

/** The product's sections in navigation order: the renderer's SECTIONS and the application menu follow it (tested). */
export const SECTION_IDS = ['dashboard', 'catalogue', 'mailbox', 'myData', 'myDocuments', 'spaces', 'etracking', 'tokens', 'settings'] as const;
export type SectionIdName = (typeof SECTION_IDS)[number];

/**
 * What the application menu asks the page to do. Navigation and the vault's lock are the page's own actions (the same
 * as its keyboard shortcuts and buttons), so the menu only names them.
 */
export const appCommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('section'), section: z.enum(SECTION_IDS) }),
  z.object({ kind: z.literal('lockVault') }),
  z.object({ kind: z.literal('newProcedure') }),
  z.object({ kind: z.literal('diagnostics') }),
]);
export type AppCommand = z.infer<typeof appCommandSchema>;

/** The section a Ctrl/Cmd + digit shortcut opens: its position in SECTION_IDS, 1 to 9. */
export function sectionOfDigit(digit: string): SectionIdName | null {
  const index = /^[1-9]$/.test(digit) ? Number(digit) - 1 : -1;
  return SECTION_IDS[index] ?? null;
}

/** The sections built so far (the others say "not available yet"); the renderer's SECTIONS says the same (tested). */
export const READY_SECTIONS: ReadonlySet<SectionIdName> = new Set(['dashboard', 'catalogue', 'mailbox', 'myData', 'tokens', 'settings']);
