export interface RequestSignal {
  signal: AbortSignal;
  /** True when the deadline ended the request (not the connection closing). */
  expired(): boolean;
  /** The request is over: the timer and the listener go (a long-lived connection signal collects nothing). */
  done(): void;
}

/**
 * The signal of one request: aborted at its deadline, which counts the whole exchange up to the answer's last byte
 * (an HTTP client's timeout only sees a silent socket, so an answer trickled in byte by byte never reaches it), or
 * as soon as the connection closes.
 */
export function requestSignal(closed: AbortSignal, deadlineMs: number): RequestSignal {
  const controller = new AbortController();
  let expired = false;
  const onClosed = () => controller.abort(closed.reason);
  if (closed.aborted) onClosed();
  else closed.addEventListener('abort', onClosed, { once: true });
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new Error(`No complete answer within ${deadlineMs} ms.`));
  }, deadlineMs);
  return {
    signal: controller.signal,
    expired: () => expired,
    done: () => {
      clearTimeout(timer);
      closed.removeEventListener('abort', onClosed);
    },
  };
}
