import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ActorMessage, PageQuery } from '../messages/common.js';
import { IsCalendarDate } from '../roster/validation.js';

/** Categories whose entry is free for students by policy: they never carry a student price. */
export const FREE_VENUE_CATEGORIES = [
  'museum',
  'memorial_hall',
  'cultural_centre',
  'library',
  'art_gallery',
] as const;
/** Free or low-cost categories: each venue states its student price (0 allowed). */
export const PRICED_VENUE_CATEGORIES = [
  'science_museum',
  'science_venue',
  'sports_facility',
] as const;
export const VENUE_CATEGORIES = [...FREE_VENUE_CATEGORIES, ...PRICED_VENUE_CATEGORIES] as const;
export type VenueCategory = (typeof VENUE_CATEGORIES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * What a statutory holiday on a regular closed day does: `open` (the default: the venue opens
 * with its extended hours, as the policy asks venues to open longer in holidays) or `closed`.
 */
export const HOLIDAY_ON_CLOSED_DAY_RULES = ['open', 'closed'] as const;
export type HolidayOnClosedDayRule = (typeof HOLIDAY_ON_CLOSED_DAY_RULES)[number];

export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_MESSAGE = '$property must be a local time HH:mm (Asia/Shanghai)';

/** Opening hours of one day, local time (Asia/Shanghai); `closes` after `opens`. */
export class DailyHours {
  @Matches(LOCAL_TIME, { message: TIME_MESSAGE })
  opens!: string;

  @Matches(LOCAL_TIME, { message: TIME_MESSAGE })
  closes!: string;
}

/** Ordinary hours per weekday; a weekday left out is a regular closed day. */
export class WeeklyHours {
  @IsOptional() @ValidateNested() @Type(() => DailyHours) mon?: DailyHours;
  @IsOptional() @ValidateNested() @Type(() => DailyHours) tue?: DailyHours;
  @IsOptional() @ValidateNested() @Type(() => DailyHours) wed?: DailyHours;
  @IsOptional() @ValidateNested() @Type(() => DailyHours) thu?: DailyHours;
  @IsOptional() @ValidateNested() @Type(() => DailyHours) fri?: DailyHours;
  @IsOptional() @ValidateNested() @Type(() => DailyHours) sat?: DailyHours;
  @IsOptional() @ValidateNested() @Type(() => DailyHours) sun?: DailyHours;
}

const TEXT_MAX = 2000;

/** The fields of a venue that its staff set; every one optional on update. */
export class VenueFields extends ActorMessage {
  @IsOptional() @IsString() @MinLength(2) @MaxLength(200) name?: string;
  @IsOptional() @IsIn(VENUE_CATEGORIES) category?: VenueCategory;
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit administrative region code' })
  regionCode?: string;
  @IsOptional() @IsString() @MaxLength(500) address?: string;
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) description?: string;
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) accessibility?: string;
  @IsOptional() @IsString() @MaxLength(200) contact?: string;
  /** In fen (0.01 yuan). Only for priced categories; null on free ones. */
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000) studentPriceFen?: number | null;
  @IsOptional() @ValidateNested() @Type(() => WeeklyHours) weeklyHours?: WeeklyHours;
  /** Hours on statutory holidays and during the school vacations of the venue's area. */
  @IsOptional() @ValidateNested() @Type(() => DailyHours) extendedHours?: DailyHours | null;
  @IsOptional() @IsIn(HOLIDAY_ON_CLOSED_DAY_RULES) holidayOnClosedDay?: HolidayOnClosedDayRule;
  @IsOptional() @IsInt() @Min(15) @Max(480) slotMinutes?: number;
  @IsOptional() @IsInt() @Min(0) @Max(100_000) individualCapacity?: number;
  @IsOptional() @IsInt() @Min(0) @Max(100_000) groupCapacity?: number;
}

/** `venues.venues.create`: a venue of a venue organisation (its staff, or an admin). */
export class CreateVenueCommand extends VenueFields {
  /** Defaults to the actor's organisation (venue staff). */
  @IsOptional() @IsUUID() organisationId?: string;
  @IsString() @MinLength(2) @MaxLength(200) declare name: string;
  @IsIn(VENUE_CATEGORIES) declare category: VenueCategory;
}

/** `venues.venues.update` */
export class UpdateVenueCommand extends VenueFields {
  @IsUUID() venueId!: string;
}

/** `venues.venues.get` */
export class GetVenueQuery extends ActorMessage {
  @IsUUID() venueId!: string;
}

/** `venues.venues.search`: any signed-in user; `date` keeps venues with places left that day. */
export class SearchVenuesQuery extends PageQuery {
  /** A province (370000), city (370100) or district (370102): venues inside it. */
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode must be 6 digits' }) regionCode?: string;
  @IsOptional() @IsIn(VENUE_CATEGORIES) category?: VenueCategory;
  @IsOptional() @IsCalendarDate() date?: string;
}

/** `venues.closures.add`: a special closure of one local date, with its reason. */
export class AddClosureCommand extends ActorMessage {
  @IsUUID() venueId!: string;
  @IsCalendarDate() date!: string;
  @IsString() @MinLength(2) @MaxLength(200) reason!: string;
}

/** `venues.closures.remove` */
export class RemoveClosureCommand extends ActorMessage {
  @IsUUID() venueId!: string;
  @IsCalendarDate() date!: string;
}

/** `venues.slots.list`: a venue's slots from `from` to `to` (local dates, at most 31 days). */
export class ListSlotsQuery extends ActorMessage {
  @IsUUID() venueId!: string;
  @IsCalendarDate() from!: string;
  @IsCalendarDate() to!: string;
}

/** `venues.bookings.individual`: a student books one place; confirmed at once. */
export class BookIndividualCommand extends ActorMessage {
  @IsUUID() slotId!: string;
  /** From the `Idempotency-Key` header: the same key and actor return the same booking. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) idempotencyKey?: string;
}

export const MAX_GROUP_STUDENTS = 500;

/** What a group request lists, for a slot or an activity. */
export class GroupVisitFields extends ActorMessage {
  /** The students listed (ids from the roster); their number is the student count. */
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(MAX_GROUP_STUDENTS)
  studentIds!: string[];
  @IsInt() @Min(0) @Max(100) teacherCount!: number;
  @IsOptional() @IsString() @MaxLength(500) note?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) idempotencyKey?: string;
}

/** `venues.bookings.group`: school staff ask for places for students and teachers; pending. */
export class RequestGroupVisitCommand extends GroupVisitFields {
  @IsUUID() slotId!: string;
}

/** `venues.bookings.get`, `.cancel`, `.confirm` */
export class BookingCommand extends ActorMessage {
  @IsUUID() bookingId!: string;
}

/** `venues.bookings.decline` */
export class DeclineGroupCommand extends BookingCommand {
  @IsString() @MinLength(2) @MaxLength(500) reason!: string;
}

/** `venues.bookings.mine` */
export class ListMyBookingsQuery extends PageQuery {}

/** `venues.bookings.inbox`: pending group requests of a venue, oldest first. */
export class DecisionInboxQuery extends PageQuery {
  @IsUUID() venueId!: string;
}

/** `venues.check-ins.create`: venue staff scan a booking's QR token. */
export class CheckInCommand extends ActorMessage {
  @IsUUID() venueId!: string;
  @IsString() @MinLength(10) @MaxLength(1000) token!: string;
}

// ---- views -----------------------------------------------------------------------------

export interface VenueView {
  id: string;
  organisationId: string;
  name: string;
  category: VenueCategory;
  /** True for the free categories. */
  freeForStudents: boolean;
  studentPriceFen: number | null;
  regionCode: string;
  address: string | null;
  description: string | null;
  accessibility: string | null;
  contact: string | null;
  weeklyHours: WeeklyHours;
  extendedHours: DailyHours | null;
  holidayOnClosedDay: HolidayOnClosedDayRule;
  slotMinutes: number;
  individualCapacity: number;
  groupCapacity: number;
  closures: { date: string; reason: string }[];
  createdAt: string;
  updatedAt: string;
}

/** A search hit: `placesLeft` counts individual and group places on `date`, when asked. */
export interface VenueSearchHit extends VenueView {
  placesLeft: number | null;
}

/** `ordinary`, `extended` (holiday or vacation hours). */
export type SlotProfile = 'ordinary' | 'extended';

export interface SlotView {
  id: string;
  venueId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  /** Local times, for people. */
  opens: string;
  closes: string;
  profile: SlotProfile;
  /** Why the day has these hours: `holiday:国庆节`, `vacation:summer`, `weekday`. */
  reason: string;
  status: 'open' | 'withdrawn';
  individualCapacity: number;
  individualLeft: number;
  groupCapacity: number;
  groupLeft: number;
}

export const BOOKING_KINDS = ['individual', 'group'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];
export const BOOKING_STATUSES = [
  'pending',
  'confirmed',
  'declined',
  'expired',
  'cancelled',
  'checked_in',
  'no_show',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export interface BookingView {
  id: string;
  kind: BookingKind;
  status: BookingStatus;
  venueId: string;
  slotId: string;
  slotStartsAt: string;
  slotEndsAt: string;
  date: string;
  bookerAccountId: string;
  schoolOrganisationId: string | null;
  studentIds: string[];
  studentCount: number;
  teacherCount: number;
  places: number;
  note: string | null;
  declineReason: string | null;
  decisionDeadline: string | null;
  /** The slot disappeared after a calendar or opening change: the venue and booker must talk. */
  slotWithdrawn: boolean;
  /** Signed QR token, only while confirmed or checked in. */
  checkInToken: string | null;
  checkedInAt: string | null;
  createdAt: string;
  /** Set when the booking is for an activity (its `slotId` is then the activity's id). */
  activityId: string | null;
  /** Why the booking was cancelled when it was not the booker (e.g. the activity was cancelled). */
  cancelReason: string | null;
  /**
   * What a calendar or opening change did (issue 18): `calendar_change` (moved to the new slot
   * covering its start, or cancelled when none could take it) or `venue_closed` (cancelled by a
   * special closure); null when none touched it.
   */
  changeReason: string | null;
  /** The slot's time before a calendar change moved the booking (null when never moved). */
  previousSlotStartsAt: string | null;
  previousSlotEndsAt: string | null;
}

/** An inbox entry: the request, with the places its slot has left and a starvation warning. */
export interface InboxItem extends BookingView {
  groupPlacesLeft: number;
  /** Places held by other pending requests of the same slot. */
  otherPendingPlaces: number;
  /** Set when confirming this would leave fewer places than the others pending need. */
  warning: string | null;
}

/** `venues.visit.*.v1`, keyed by booking id. */
export interface VisitEventPayload {
  bookingId: string;
  kind: BookingKind;
  status: BookingStatus;
  venueId: string;
  venueOrganisationId: string;
  slotId: string;
  slotStartsAt: string;
  slotEndsAt: string;
  bookerAccountId: string;
  schoolOrganisationId: string | null;
  /**
   * Roster student ids: the listed students of a group visit; for an individual visit the
   * student's own, if the account is linked to its roster student (else empty).
   */
  studentIds: string[];
  studentCount: number;
  teacherCount: number;
  reason: string | null;
  occurredAt: string;
  /**
   * Only on bookings of an activity (absent on slot visits, so their payload is unchanged):
   * the activity's id (also in `slotId`) and kind.
   */
  activityId?: string;
  activityKind?: string;
  /** Only on `venues.visit.rescheduled.v1`: the slot and time the booking had before. */
  previousSlotId?: string;
  previousSlotStartsAt?: string;
  previousSlotEndsAt?: string;
}

// ---- waiting list ------------------------------------------------------------------------

/** `venues.waitlist.join`: a student queues for a full slot's individual pool. */
export class JoinWaitlistCommand extends ActorMessage {
  @IsUUID() slotId!: string;
}

/** `venues.waitlist.accept`: takes the place an offer holds; confirmed at once. */
export class AcceptOfferCommand extends ActorMessage {
  @IsUUID() entryId!: string;
}

/** `venues.waitlist.mine` */
export class ListMyWaitlistQuery extends PageQuery {}

export type WaitlistStatus = 'waiting' | 'offered' | 'accepted' | 'expired';

export interface WaitlistEntryView {
  id: string;
  slotId: string;
  venueId: string;
  status: WaitlistStatus;
  /** While offered: the place is held for you until then. */
  offerExpiresAt: string | null;
  createdAt: string;
}

// ---- group waiting list (issue 18) ------------------------------------------------------
// Joining takes a `RequestGroupVisitCommand` (`venues.group-waitlist.join`), accepting an
// `AcceptOfferCommand` (`venues.group-waitlist.accept`), listing a `ListMyWaitlistQuery`.

export interface GroupWaitlistEntryView {
  id: string;
  slotId: string;
  venueId: string;
  schoolOrganisationId: string;
  studentIds: string[];
  teacherCount: number;
  /** Students + teachers: the places an offer holds. */
  places: number;
  status: WaitlistStatus;
  /** While offered: the places are held for the school until then. */
  offerExpiresAt: string | null;
  /** Once accepted: the pending group request the venue decides. */
  bookingId: string | null;
  createdAt: string;
}

/** `venues.group-waitlist.offered.v1` (key: entry id): group places are held for a queued request. */
export interface GroupOfferPayload {
  entryId: string;
  slotId: string;
  venueId: string;
  schoolOrganisationId: string;
  accountId: string;
  places: number;
  offerExpiresAt: string;
}
