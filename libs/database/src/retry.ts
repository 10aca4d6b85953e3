/** MySQL/MariaDB errors after which the whole transaction may simply be tried again. */
const RETRIABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

export function isRetriableDbError(error: unknown): boolean {
  const code =
    (error as { code?: string; driverError?: { code?: string } } | null)?.code ??
    (error as { driverError?: { code?: string } } | null)?.driverError?.code;
  return code !== undefined && RETRIABLE.has(code);
}

export function isDuplicateKeyError(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  return (e?.code ?? e?.driverError?.code) === 'ER_DUP_ENTRY';
}

/** Runs `work` again, with jitter, when it fails on a deadlock or lock-wait timeout. */
export async function withDbRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetriableDbError(error)) throw error;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 40));
    }
  }
}
