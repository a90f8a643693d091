// A first-come, first-served lock whose waits are bounded: a waiter that has not got the
// lock after `maxWaitMs` gives up with a DatabaseUnavailableError("busy") and leaves the
// queue, so a stuck holder can slow requests down but never pile them up forever.
// Releasing is idempotent: a release called twice (e.g. from a `finally` after an
// explicit release) cannot hand the lock to two holders.
import { DatabaseUnavailableError } from "./faults.js";

export type Release = () => void;

export class Lock {
  private held = false;
  private readonly waiters: ((release: Release) => void)[] = [];

  constructor(private readonly maxWaitMs: number) {}

  acquire(): Promise<Release> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter = (release: Release) => {
        clearTimeout(timer);
        resolve(release);
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(
          new DatabaseUnavailableError("busy", `waited more than ${this.maxWaitMs} ms for the database connection`),
        );
      }, this.maxWaitMs);
      this.waiters.push(waiter);
    });
  }

  async run<T>(work: () => Promise<T> | T): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** How many callers are waiting (for tests and health reports). */
  get queued(): number {
    return this.waiters.length;
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next(this.releaser());
      else this.held = false;
    };
  }
}
