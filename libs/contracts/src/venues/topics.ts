/** Request topics of the venues service. */
export const VenuesRequestTopics = {
  ping: 'venues.health.ping',
  createVenue: 'venues.venues.create',
  updateVenue: 'venues.venues.update',
  getVenue: 'venues.venues.get',
  searchVenues: 'venues.venues.search',
  addClosure: 'venues.closures.add',
  removeClosure: 'venues.closures.remove',
  listSlots: 'venues.slots.list',
  bookIndividual: 'venues.bookings.individual',
  requestGroup: 'venues.bookings.group',
  getBooking: 'venues.bookings.get',
  listMyBookings: 'venues.bookings.mine',
  cancelBooking: 'venues.bookings.cancel',
  decisionInbox: 'venues.bookings.inbox',
  confirmGroup: 'venues.bookings.confirm',
  declineGroup: 'venues.bookings.decline',
  checkIn: 'venues.check-ins.create',
  joinWaitlist: 'venues.waitlist.join',
  listMyWaitlist: 'venues.waitlist.mine',
  acceptOffer: 'venues.waitlist.accept',
  joinGroupWaitlist: 'venues.group-waitlist.join',
  listMyGroupWaitlist: 'venues.group-waitlist.mine',
  acceptGroupOffer: 'venues.group-waitlist.accept',
  createActivity: 'venues.activities.create',
  updateActivity: 'venues.activities.update',
  cancelActivity: 'venues.activities.cancel',
  getActivity: 'venues.activities.get',
  searchActivities: 'venues.activities.search',
  bookActivity: 'venues.activities.book-individual',
  requestActivityGroup: 'venues.activities.request-group',
} as const;

/** Event topics the venues service publishes, keyed by booking id (payload `VisitEventPayload`). */
export const VenuesEventTopics = {
  visitConfirmed: 'venues.visit.confirmed.v1',
  visitDeclined: 'venues.visit.declined.v1',
  visitCancelled: 'venues.visit.cancelled.v1',
  visitCheckedIn: 'venues.visit.checked-in.v1',
  visitNoShow: 'venues.visit.no-show.v1',
  /** A calendar or opening change moved the booking to the new slot covering its start (issue 18). */
  visitRescheduled: 'venues.visit.rescheduled.v1',
  /** Freed group places are held for a queued group request (key entry id, `GroupOfferPayload`). */
  groupOfferMade: 'venues.group-waitlist.offered.v1',
} as const;

export const VenuesDeadLetterTopic = 'venues.dead-letters';
