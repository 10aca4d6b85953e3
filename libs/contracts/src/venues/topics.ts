/** Request topics of the venues service. */
export const VenuesRequestTopics = {
  ping: 'venues.health.ping',
} as const;

/** Event topics the venues service publishes. */
export const VenuesEventTopics = {} as const;

export const VenuesDeadLetterTopic = 'venues.dead-letters';
