import { StudentLocks } from './student-locks.js';

describe('StudentLocks', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('runs work on shared students one after the other, and work on other students at once', async () => {
    const locks = new StudentLocks();
    const log: string[] = [];
    const job = (name: string, ids: string[]) =>
      locks.run(ids, async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
      });
    await Promise.all([job('a', ['s1', 's2']), job('b', ['s2', 's3']), job('c', ['s4'])]);
    // b shares s2 with a: it starts after a ended; c shares nothing: it runs beside a.
    expect(log.indexOf('b start')).toBeGreaterThan(log.indexOf('a end'));
    expect(log.indexOf('c start')).toBeLessThan(log.indexOf('a end'));
  });

  it('releases the students when the work fails', async () => {
    const locks = new StudentLocks();
    await expect(locks.run(['s1'], () => Promise.reject(new Error('deadlock')))).rejects.toThrow(
      'deadlock',
    );
    await expect(locks.run(['s1'], () => Promise.resolve('ran'))).resolves.toBe('ran');
  });
});
