// The page session's scan queue: one job at a time; changes arriving while a
// job runs are gathered and rescanned together after a short quiet spell; a
// full pass absorbs pending partial ones; a failed job is retried as a full
// pass, a few times at growing delays (a frame that navigates mid-read fails
// one pass, and a later full pass sees the new document).

const RESCAN_DELAY_MS = 300;
const MAX_RETRIES = 3;
const RETRY_MS = 400;

export interface QueueDeps {
  /** Runs one job: the whole page (`full`) or the given subtrees. */
  run(full: boolean, roots: Node[]): Promise<void>;
  /** A job threw. True if it may be retried (the session is alive and not stopped). */
  failed(err: unknown): boolean;
  signal: AbortSignal;
}

export class ScanQueue {
  private pendingFull = false;
  private readonly pendingRoots = new Set<Node>();
  /** Content was removed: drop findings whose text left the page, even if nothing needs reading. */
  private pendingPrune = false;
  private running = false;
  private failures = 0;
  private idleWaiters: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: QueueDeps) {}

  /** Queues a job and starts it as soon as none is running. */
  request(full: boolean, roots: Iterable<Node> = []): void {
    if (full) this.pendingFull = true;
    for (const r of roots) this.pendingRoots.add(r);
    this.kick();
  }

  /** Queues a job after the page has been quiet for a moment (mutations come in bursts). No roots = a prune. */
  schedule(roots: readonly Node[], full = false): void {
    if (full) this.pendingFull = true;
    if (roots.length === 0) this.pendingPrune = true;
    for (const r of roots) this.pendingRoots.add(r);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, RESCAN_DELAY_MS);
  }

  /** Forgets queued partial rescans (a single-page navigation replaces the page). */
  dropRoots(): void {
    this.pendingRoots.clear();
  }

  /** Resolves once no job is queued or running. */
  idle(): Promise<void> {
    if (!this.running && !this.pendingFull && !this.pendingPrune && this.pendingRoots.size === 0 && this.timer === undefined) return Promise.resolve();
    return new Promise((ok) => this.idleWaiters.push(ok));
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.idleWaiters.splice(0).forEach((w) => w());
  }

  private kick(): void {
    if (this.running || this.deps.signal.aborted) return;
    if (!this.pendingFull && this.pendingRoots.size === 0 && !this.pendingPrune) {
      if (this.timer === undefined) this.idleWaiters.splice(0).forEach((w) => w());
      return;
    }
    this.running = true;
    const full = this.pendingFull;
    const roots = [...this.pendingRoots];
    this.pendingFull = false;
    this.pendingPrune = false;
    this.pendingRoots.clear();
    this.deps
      .run(full, roots)
      .then(
        () => {
          this.failures = 0;
        },
        (err: unknown) => {
          if (this.deps.failed(err) && ++this.failures <= MAX_RETRIES) setTimeout(() => this.request(true), RETRY_MS * this.failures);
        },
      )
      .finally(() => {
        this.running = false;
        this.kick();
      });
  }
}
