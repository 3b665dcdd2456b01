import { BaseUpdater, type ProgressInfo } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import type { DownloadExecutorResult, DownloadUpdateOptions } from 'electron-updater/out/AppUpdater';
import type { InstallOptions } from 'electron-updater/out/BaseUpdater';
import { NodeHttpExecutor } from './NodeHttpExecutor';

/**
 * electron-updater's own updater (generic feed, version comparison, download cache, sha512 check) in plain Node, so
 * the dev host and the tests run the library the desktop app runs. Only installing is left out: that replaces the
 * running app, which only the desktop app's platform updater (NSIS, dmg, AppImage, deb, rpm) can do.
 */
export class NodeAppUpdater extends BaseUpdater {
  constructor(app: AppAdapter) {
    super(null, app);
    // With an app adapter of its own, electron-updater leaves the HTTP client to the caller (as its own tests do).
    (this as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = new NodeHttpExecutor();
  }

  protected override doDownloadUpdate(options: DownloadUpdateOptions): Promise<DownloadExecutorResult> {
    const { provider, info } = options.updateInfoAndProvider;
    // The package of this platform when the feed lists several, as the platform updaters pick theirs (resolveFiles
    // refuses a feed without files or checksums).
    const files = provider.resolveFiles(info);
    const fileInfo = files.find((file) => file.url.pathname.toLowerCase().endsWith(`.${packageExtension().toLowerCase()}`)) ?? files[0];
    if (!fileInfo) throw new Error('The update feed lists no file.');
    const executor = (this as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor;
    return this.executeDownload({
      fileExtension: packageExtension(),
      fileInfo,
      downloadUpdateOptions: options,
      task: async (updateFile, downloadOptions) => {
        await executor.download(fileInfo.url, updateFile, { ...downloadOptions, onProgress: (progress: ProgressInfo) => this.emit('download-progress', progress) });
      },
    });
  }

  protected override doInstall(_options: InstallOptions): boolean {
    this._logger.warn('Installing needs the desktop app; the update stays downloaded.');
    return false;
  }
}

function packageExtension(): string {
  if (process.platform === 'win32') return 'exe';
  if (process.platform === 'darwin') return 'zip';
  return 'AppImage';
}
