/**
 * A counting semaphore with a FIFO queue. Callers that wait one at a time (as a document's page loop
 * does) are interleaved fairly: a 500-page document cannot take every slot ahead of a one-page one.
 */
export class Gate {
  private readonly waiters: (() => void)[] = [];
  private used = 0;

  constructor(private readonly slots: number) {}

  /** Resolves with a release function once a slot is free, or rejects when `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.used--;
        this.waiters.shift()?.();
      };
      const take = () => {
        signal?.removeEventListener('abort', onAbort);
        this.used++;
        resolve(release);
      };
      const onAbort = () => {
        const i = this.waiters.indexOf(take);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(signal!.reason);
      };
      if (this.used < this.slots && this.waiters.length === 0) return take();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(take);
    });
  }

  /** Slots in use plus callers waiting for one. */
  get demand(): number {
    return this.used + this.waiters.length;
  }
}
