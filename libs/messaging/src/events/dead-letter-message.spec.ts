import { deadLetterMessage } from './dead-letter-message.js';

describe('deadLetterMessage', () => {
  it('keeps the key and value and says where the message came from and why', () => {
    const message = deadLetterMessage({
      topic: 'screenings.attendance.recorded.v1',
      partition: 2,
      offset: '41',
      key: 'k',
      value: Buffer.from('{}'),
      code: 'VALIDATION_FAILED',
      reason: 'x'.repeat(1500),
      failedAt: new Date('2026-11-28T20:00:00.000Z'),
    });
    expect(message.key).toBe('k');
    expect(message.value?.toString()).toBe('{}');
    expect(message.headers).toEqual({
      'x-original-topic': 'screenings.attendance.recorded.v1',
      'x-original-partition': '2',
      'x-original-offset': '41',
      'x-error-code': 'VALIDATION_FAILED',
      'x-error-message': 'x'.repeat(1000),
      'x-failed-at': '2026-11-28T20:00:00.000Z',
    });
  });
});
