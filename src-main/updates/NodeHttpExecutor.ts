import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';

/**
 * builder-util-runtime's HTTP client over Node's http/https, for electron-updater outside Electron (the dev host and
 * tests). The desktop app uses electron-updater's own, over Chromium's network stack. `download` is the one
 * electron-updater's ElectronHttpExecutor has (the base class streams, checks the sha512 and reports progress).
 */
export class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return (options.protocol === 'http:' ? httpRequest : httpsRequest)(options, callback);
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      // The base class notices a cancel only at the next chunk: a stalled download would hold its connection until
      // the socket times out. Node's request takes a signal and closes at once.
      const abort = new AbortController();
      onCancel(() => abort.abort());
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined, signal: abort.signal };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel: () => undefined,
          callback: (error) => (error ? reject(error) : resolve(destination)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}
