/** Request topics of the roster feature (directory service). Filled in by the roster work. */
export const RosterRequestTopics = {} as const;

/** Event topics of the roster feature. */
export const RosterEventTopics = {} as const;
