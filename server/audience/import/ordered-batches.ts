import type pg from "pg";

/** What a written batch tells the next one. */
export type BatchResult = {
  /** It wrote to contacts that existed before the import: a batch started alongside it may have read them stale. */
  changedExisting: boolean;
};

export type BatchTurn = {
  client: pg.ClientBase;
  /**
   * Resolves once every earlier batch has committed (throws if one failed). A batch calls it
   * before writing to rows an earlier batch may also write, and before its checkpoint, so that
   * checkpoints commit in file order.
   */
  waitForEarlier: () => Promise<void>;
};

export type WriteBatch = (turn: BatchTurn) => Promise<BatchResult>;

class RedoAfterEarlier extends Error {}

type Running = { number: number; done: Promise<BatchResult> };

/**
 * Writes batches on one or more connections at once, each in its own transaction, committing
 * them in the order they were submitted: Postgres works on two batches with both cores while
 * the import stays resumable from its last checkpoint.
 *
 * A batch waits for the previous one inside Postgres (an advisory lock the previous one holds
 * until it ends), so that any lock cycle through other sessions is a deadlock Postgres detects,
 * never a silent hang. A batch that started before the previous one committed, when that one
 * changed existing contacts, is redone from its savepoint (it may have matched stale rows), and
 * batches are written one at a time from then on (a re-import updates contacts in every batch).
 */
export class OrderedBatchWriter {
  private readonly idle: pg.ClientBase[];
  private readonly waitingForClient: ((client: pg.ClientBase) => void)[] = [];
  private readonly running = new Set<Running>();
  private last: Promise<BatchResult> = Promise.resolve({ changedExisting: false });
  private lastSettled = true;
  private submitted = 0;
  private concurrent = true;
  private failure: { error: unknown } | null = null;

  constructor(
    clients: readonly pg.ClientBase[],
    /** Names this writer's advisory locks (any text; hashed). */
    private readonly lockName: string,
  ) {
    this.idle = [...clients];
  }

  /**
   * Starts writing a batch as soon as a connection is free and returns once it has started,
   * with a promise of its end. `alone`: start only after every earlier batch has committed.
   */
  async submit(write: WriteBatch, options: { alone?: boolean; afterCommit?: (client: pg.ClientBase) => Promise<void> } = {}): Promise<{ done: Promise<BatchResult> }> {
    this.throwIfFailed();
    const client = await this.takeClient();
    const earlier = this.last;
    if (options.alone || !this.concurrent) await earlier.catch(() => undefined);
    this.throwIfFailed();
    const number = this.submitted++;
    const startedWithEarlier = !this.lastSettled;
    let started!: () => void;
    const hasStarted = new Promise<void>((resolve) => (started = resolve));
    this.lastSettled = false;
    const entry: Running = { number, done: Promise.resolve({ changedExisting: false }) };
    entry.done = this.run({ client, number, earlier, startedWithEarlier, write, started, afterCommit: options.afterCommit })
      .catch((error: unknown) => {
        this.failure ??= { error };
        throw error;
      })
      .finally(() => {
        if (this.last === entry.done) this.lastSettled = true;
        this.running.delete(entry);
        this.release(client);
      });
    // Awaited through finish() or a later batch; meanwhile a failure must not count as unhandled.
    entry.done.catch(() => undefined);
    this.running.add(entry);
    this.last = entry.done;
    await hasStarted;
    return { done: entry.done };
  }

  /** Waits for every submitted batch; throws the failure of the earliest one that failed. */
  async finish(): Promise<void> {
    const entries = [...this.running].sort((a, b) => a.number - b.number);
    const outcomes = await Promise.allSettled(entries.map((entry) => entry.done));
    const failed = outcomes.find((outcome) => outcome.status === "rejected");
    if (failed) throw failed.reason;
    this.throwIfFailed();
  }

  private throwIfFailed() {
    if (this.failure) throw this.failure.error;
  }

  private async run(args: {
    client: pg.ClientBase;
    number: number;
    earlier: Promise<BatchResult>;
    startedWithEarlier: boolean;
    write: WriteBatch;
    started: () => void;
    afterCommit?: (client: pg.ClientBase) => Promise<void>;
  }): Promise<BatchResult> {
    const { client, number, earlier } = args;
    let startedWithEarlier = args.startedWithEarlier;
    try {
      await client.query("begin");
      // The checkpoint commits with the batch; losing the last commits in a database crash only means redoing them.
      await client.query("set local synchronous_commit = off");
      await client.query("select pg_advisory_xact_lock(hashtext($1), $2)", [this.lockName, number]);
    } catch (error) {
      args.started();
      await client.query("rollback").catch(() => undefined);
      throw error;
    }
    args.started();
    try {
      await client.query("savepoint batch_write");
      for (;;) {
        let waited = false;
        const waitForEarlier = async () => {
          if (waited) return;
          waited = true;
          if (startedWithEarlier) await client.query("select pg_advisory_xact_lock(hashtext($1), $2)", [this.lockName, number - 1]);
          const before = await earlier;
          if (startedWithEarlier && before.changedExisting) throw new RedoAfterEarlier();
        };
        try {
          const result = await args.write({ client, waitForEarlier });
          await waitForEarlier();
          await client.query("commit");
          if (args.afterCommit) await args.afterCommit(client);
          return result;
        } catch (error) {
          if (!(error instanceof RedoAfterEarlier)) throw error;
          await client.query("rollback to savepoint batch_write");
          this.concurrent = false;
          startedWithEarlier = false;
        }
      }
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    }
  }

  private takeClient(): Promise<pg.ClientBase> {
    const client = this.idle.shift();
    if (client) return Promise.resolve(client);
    return new Promise((resolve) => this.waitingForClient.push(resolve));
  }

  private release(client: pg.ClientBase) {
    const waiting = this.waitingForClient.shift();
    if (waiting) waiting(client);
    else this.idle.push(client);
  }
}
