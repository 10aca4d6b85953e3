/** Request topics of the employment-aid service. */
export const EmploymentAidRequestTopics = {
  ping: 'employment-aid.health.ping',
} as const;

/** Event topics the employment-aid service publishes. */
export const EmploymentAidEventTopics = {} as const;

export const EmploymentAidDeadLetterTopic = 'employment-aid.dead-letters';
