import { z } from 'zod';
import { defineCall } from './define';
import { fileHandleSchema } from './fileHandle';
import { noInput } from './noInput';

export const diagnosticsReportSchema = z.object({
  /** The whole report, plain text, as it is saved. */
  text: z.string(),
  createdAt: z.string(),
});
export type DiagnosticsReport = z.infer<typeof diagnosticsReportSchema>;

export const diagnosticsCalls = {
  /**
   * Makes the diagnostics report (versions, policy, PKCS#11 modules, readers, connectivity, recent log lines), with no
   * personal data in it, and keeps it in main as the one `diagnostics.save` writes. Takes seconds (network checks).
   */
  'diagnostics.create': defineCall({ input: noInput, output: diagnosticsReportSchema }),
  /**
   * Writes the last report made to the file chosen in main's save dialog (app.pickSaveFile 'diagnosticsReport'): the
   * renderer sends neither the text nor a path. DiagnosticsReportMissingError when none was made yet.
   */
  'diagnostics.save': defineCall({
    input: z.object({ saveTo: fileHandleSchema }).strict(),
    output: z.object({ name: z.string(), size: z.number().int() }),
  }),
};
