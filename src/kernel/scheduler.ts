// The cooperative scheduler: every guest thread of every process runs in this one Node thread,
// in instruction-count time slices (deterministic). A thread parked on a Waitable is skipped
// until its promise settles; when nothing is runnable the scheduler awaits host events.
import { T_BLOCKED, T_EXITED, T_RUNNABLE, type Thread } from './thread.js';

/** Runs one slice of a thread and handles why it stopped. */
export type StepFn = (t: Thread) => void;

/** Round-robin over runnable threads. */
export class Scheduler {
  threads: Thread[] = [];
  private stopped = false;

  constructor(private readonly step: StepFn) {}

  /** Adds a new runnable thread. */
  add(t: Thread): void {
    this.threads.push(t);
  }

  /** Makes run() return after the current slice. */
  stop(): void {
    this.stopped = true;
  }

  /** Runs until every thread has exited or stop() is called. */
  async run(): Promise<void> {
    let slices = 0;
    while (!this.stopped) {
      let ran = false;
      const list = this.threads;
      for (let k = 0; k < list.length && !this.stopped; k++) {
        const t = list[k];
        if (t.state === T_RUNNABLE) {
          this.step(t);
          ran = true;
        }
      }
      if (list.some((t) => t.state === T_EXITED)) this.threads = list.filter((t) => t.state !== T_EXITED);
      if (this.threads.length === 0 || this.stopped) return;
      if (!ran) {
        const waits = this.threads.filter((t) => t.state === T_BLOCKED && t.waiting !== null).map((t) => t.waiting!.ready);
        if (waits.length === 0) throw new Error('exo: deadlock: every guest thread is blocked with nothing to wake it');
        await Promise.race(waits);
      } else if (++slices % 64 === 0) {
        // Let host I/O callbacks and signals run now and then.
        await new Promise<void>((r) => setImmediate(r));
      }
    }
  }
}
