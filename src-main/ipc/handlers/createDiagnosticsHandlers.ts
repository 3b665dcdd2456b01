import type { diagnosticsCalls } from '../../../src-shared/contract/diagnosticsContract';
import type { HandlersFor } from '../HandlersFor';
import type { DiagnosticsService } from '../../diagnostics/DiagnosticsService';
import type { FileHandleRegistry } from '../../files/FileHandleRegistry';

export function createDiagnosticsHandlers(deps: { diagnostics: DiagnosticsService; files: FileHandleRegistry }): HandlersFor<typeof diagnosticsCalls> {
  const { diagnostics, files } = deps;
  return {
    'diagnostics.create': () => diagnostics.create(),
    'diagnostics.save': async ({ saveTo }) => {
      const target = files.resolve(saveTo, 'diagnosticsReport', 'save');
      const saved = await diagnostics.save(target);
      files.release(saveTo);
      return saved;
    },
  };
}
