import type { AlertView, FollowUpAlerts, GraduateView } from '@app/contracts';
import { elapsedDays, shanghaiDateOf } from '@app/time';
import type { GraduateEntity } from './graduate.entity.js';

interface StoredIntentions {
  industries: string[];
  cities: string[];
  expectedMonthlySalary: number | null;
}

export const intentionsOf = (graduate: GraduateEntity): StoredIntentions =>
  JSON.parse(graduate.intentions) as StoredIntentions;

/** Flags computed on read against the service clock: nothing to schedule, nothing to go stale. */
export function alertsOf(graduate: GraduateEntity, now: Date, alertDays: number): FollowUpAlerts {
  const daysSinceContact = Math.max(
    0,
    elapsedDays(graduate.lastContactAt ?? graduate.registeredAt, now),
  );
  return {
    daysSinceContact,
    noContact: daysSinceContact >= alertDays,
    overdueFollowUp: graduate.followUpOn !== null && graduate.followUpOn < shanghaiDateOf(now),
    followUpOn: graduate.followUpOn,
  };
}

/** Never carries the difficulty categories: they leave only through the audited read. */
export function toGraduateView(
  graduate: GraduateEntity,
  mentorId: string | null,
  now: Date,
  alertDays: number,
): GraduateView {
  return {
    id: graduate.id,
    universityId: graduate.universityId,
    name: graduate.name,
    major: graduate.major,
    degree: graduate.degree,
    graduationYear: graduate.graduationYear,
    contact: graduate.contact,
    intentions: intentionsOf(graduate),
    willingToWork: graduate.willingToWork,
    registeredAt: graduate.registeredAt.toISOString(),
    lastContactAt: graduate.lastContactAt?.toISOString() ?? null,
    mentorId,
    accountId: graduate.accountId,
    alerts: alertsOf(graduate, now, alertDays),
  };
}

export function toAlertView(view: GraduateView): AlertView | null {
  const reasons: AlertView['reasons'] = [];
  if (view.alerts.noContact) reasons.push('no_contact');
  if (view.alerts.overdueFollowUp) reasons.push('overdue_follow_up');
  if (!reasons.length) return null;
  return {
    graduateId: view.id,
    graduateName: view.name,
    mentorId: view.mentorId,
    reasons,
    daysSinceContact: view.alerts.daysSinceContact,
    followUpOn: view.alerts.followUpOn,
  };
}
