/** Request topics of the calendar feature (directory service). Filled in by the calendar work. */
export const CalendarRequestTopics = {} as const;

/** Event topics of the calendar feature. */
export const CalendarEventTopics = {} as const;
