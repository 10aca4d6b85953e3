/** Request topics of the calendar feature (directory service). */
export const CalendarRequestTopics = {
  createTerm: 'directory.calendar.terms.create',
  listTerms: 'directory.calendar.terms.list',
  deleteTerm: 'directory.calendar.terms.delete',
  createVacation: 'directory.calendar.vacations.create',
  listVacations: 'directory.calendar.vacations.list',
  deleteVacation: 'directory.calendar.vacations.delete',
  setHoliday: 'directory.calendar.holidays.set',
  importHolidays: 'directory.calendar.holidays.import',
  listHolidays: 'directory.calendar.holidays.list',
  deleteHoliday: 'directory.calendar.holidays.delete',
  getDay: 'directory.calendar.days.get',
  listDays: 'directory.calendar.days.list',
} as const;

/** Event topics of the calendar feature. */
export const CalendarEventTopics = {
  /** Terms, vacations or holidays of an area changed (payload `CalendarChangedPayload`). */
  calendarChanged: 'directory.calendar.changed.v1',
} as const;
