// A first-come, first-served lock whose waits are bounded: a waiter that has not got the
// lock after `maxWaitMs` gives up with a DatabaseUnavailableError("busy") and is skipped,
// so a stuck holder can slow requests down but never pile them up forever.
// Releasing is idempotent: a release called twice (e.g. from a `finally` after an
// explicit release) cannot hand the lock to two holders.
import { DatabaseUnavailableError } from "./faults.js";

export type Release = () => void;

type Waiter = { grant: (release: Release) => void; giveUp: () => void; deadline: number; gaveUp: boolean };

export class Lock {
  private held = false;
  // A queue with a moving head: Array#shift is O(n) on long queues (thousands of
  // requests waiting behind a slow transaction).
  private waiters: Waiter[] = [];
  private head = 0;
  private waiting = 0;
  // One timer for the whole queue: every wait has the same bound, so the oldest waiter
  // always expires first (a timer per waiter made queued requests ~3x slower).
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly maxWaitMs: number) {}

  acquire(): Promise<Release> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      this.waiters.push({
        grant: resolve,
        giveUp: () =>
          reject(
            new DatabaseUnavailableError("busy", `waited more than ${this.maxWaitMs} ms for the database connection`),
          ),
        deadline: performance.now() + this.maxWaitMs,
        gaveUp: false,
      });
      this.waiting++;
      this.timer ??= setTimeout(() => this.expire(), this.maxWaitMs);
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
    return this.waiting;
  }

  private expire(): void {
    this.timer = undefined;
    const now = performance.now();
    for (let i = this.head; i < this.waiters.length; i++) {
      const waiter = this.waiters[i] as Waiter;
      if (waiter.gaveUp) continue;
      if (waiter.deadline > now) {
        this.timer = setTimeout(() => this.expire(), Math.ceil(waiter.deadline - now));
        return;
      }
      waiter.gaveUp = true;
      this.waiting--;
      waiter.giveUp();
    }
  }

  private next(): Waiter | undefined {
    while (this.head < this.waiters.length) {
      const waiter = this.waiters[this.head++];
      if (waiter && !waiter.gaveUp) return waiter;
    }
    this.waiters = [];
    this.head = 0;
    return undefined;
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.next();
      if (!next) {
        this.held = false;
        clearTimeout(this.timer);
        this.timer = undefined;
        return;
      }
      next.gaveUp = true; // taken: the expiry sweep skips it
      this.waiting--;
      if (this.head > 1024 && this.head * 2 > this.waiters.length) {
        this.waiters = this.waiters.slice(this.head);
        this.head = 0;
      }
      next.grant(this.releaser());
    };
  }
}
