/** Request topics of the quotas service. */
export const QuotasRequestTopics = {
  ping: 'quotas.health.ping',
  listRules: 'quotas.rules.list',
  createRule: 'quotas.rules.create',
  complianceReport: 'quotas.reports.compliance',
  studentStanding: 'quotas.standings.student',
  publishShortNotices: 'quotas.short-notices.publish',
  compareDigest: 'quotas.ledger.compare',
  rebuildLedger: 'quotas.ledger.rebuild',
} as const;

/** Event topics the quotas service publishes. */
export const QuotasEventTopics = {
  /** A student still below a rule's minimum for a period; key: studentId. */
  studentShort: 'quotas.student.short.v1',
} as const;

export const QuotasDeadLetterTopic = 'quotas.dead-letters';
