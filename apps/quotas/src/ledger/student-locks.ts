/**
 * In-process locks on students: a piece of ledger work waits while another one of this
 * process holds any of its students, then holds them all. Chunks of different topics that
 * share students then run one after the other instead of deadlocking in the database (their
 * locking reads would each wait for the other's new rows). Chunks of another replica still
 * meet in the database: one of them is rolled back and retried.
 */
export class StudentLocks {
  private readonly held = new Set<string>();
  private waiting: (() => void)[] = [];

  async run<T>(studentIds: Iterable<string>, work: () => Promise<T>): Promise<T> {
    const ids = [...new Set(studentIds)];
    while (ids.some((id) => this.held.has(id))) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    for (const id of ids) this.held.add(id);
    try {
      return await work();
    } finally {
      for (const id of ids) this.held.delete(id);
      const waiting = this.waiting;
      this.waiting = [];
      for (const wake of waiting) wake();
    }
  }
}
