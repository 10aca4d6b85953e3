import type { GraduateEntity } from './graduate.entity.js';
import { alertsOf } from './graduate-views.js';

const registeredAt = new Date('2026-11-01T02:00:00Z');
const graduate = (over: Partial<GraduateEntity> = {}): GraduateEntity =>
  ({ registeredAt, lastContactAt: null, followUpOn: null, ...over }) as GraduateEntity;
const day = (n: number) => new Date(registeredAt.getTime() + n * 86_400_000);

describe('alertsOf', () => {
  it('flags no contact from the registration once the window has passed', () => {
    expect(alertsOf(graduate(), day(13), 14).noContact).toBe(false);
    expect(alertsOf(graduate(), day(15), 14)).toMatchObject({
      noContact: true,
      daysSinceContact: 15,
    });
  });

  it('counts from the last contact', () => {
    expect(alertsOf(graduate({ lastContactAt: day(10) }), day(15), 14).noContact).toBe(false);
  });

  it('flags a follow-up date that has passed (Shanghai date)', () => {
    expect(alertsOf(graduate({ followUpOn: '2026-11-05' }), day(4), 14).overdueFollowUp).toBe(
      false,
    );
    expect(alertsOf(graduate({ followUpOn: '2026-11-05' }), day(5), 14).overdueFollowUp).toBe(true);
  });
});
