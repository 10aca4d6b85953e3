import type { Logger } from '@nestjs/common';

/** Longest pause between two attempts at a message whose handler keeps failing. */
const MAX_PAUSE_MS = 5000;

/**
 * Runs a message's handler until it succeeds or the consumer stops: a failure pauses the
 * partition (its later messages wait) and tries again, so no message is skipped. Handlers
 * that should give up (dead letters) do so themselves and resolve.
 */
export async function handleUntilDone(
  handle: () => Promise<void>,
  running: () => boolean,
  logger: Logger,
  topic: string,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await handle();
      return;
    } catch (error) {
      if (!running()) return;
      logger.error({ msg: 'message handler failed; retrying', topic, attempt, err: error });
      await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_PAUSE_MS, 200 * attempt)));
      if (!running()) return;
    }
  }
}
