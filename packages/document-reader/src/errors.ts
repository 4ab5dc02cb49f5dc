import type { FailureCode } from '@onco/contract';

/** A document could not be read. `code` is the stable failure code shown to users. */
export class ReadError extends Error {
  constructor(
    public code: FailureCode,
    message?: string,
    public retryable = false,
  ) {
    super(message ?? code);
    this.name = 'ReadError';
  }
}

export function isReadError(err: unknown): err is ReadError {
  return err instanceof ReadError;
}

/** Rejects with `onTimeout()` if `promise` has not settled after `ms`. The timer never keeps the process alive. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('The read was aborted', 'AbortError');
}
