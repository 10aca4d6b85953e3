import {
  ApiProperty,
  ApiPropertyOptional,
  IntersectionType,
  OmitType,
  PartialType,
} from '@nestjs/swagger';
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

const UUID_EXAMPLE = '0b8f9b1e-5d6f-4a39-9d2a-1f8a3c2e4b5d';
const SLOT_EXAMPLE = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

/** Opening hours of one day, local time (Asia/Shanghai); `closes` after `opens`. */
export class DailyHours {
  @ApiProperty({ example: '09:00', description: 'Local time, Asia/Shanghai' })
  @Matches(LOCAL_TIME, { message: TIME_MESSAGE })
  opens!: string;

  @ApiProperty({ example: '17:00', description: 'Local time, after opens' })
  @Matches(LOCAL_TIME, { message: TIME_MESSAGE })
  closes!: string;
}

const day = () =>
  ApiPropertyOptional({ type: () => DailyHours, description: 'Absent: closed that weekday' });

/** Ordinary hours per weekday; a weekday left out is a regular closed day. */
export class WeeklyHours {
  @day() @IsOptional() @ValidateNested() @Type(() => DailyHours) mon?: DailyHours;
  @day() @IsOptional() @ValidateNested() @Type(() => DailyHours) tue?: DailyHours;
  @day() @IsOptional() @ValidateNested() @Type(() => DailyHours) wed?: DailyHours;
  @day() @IsOptional() @ValidateNested() @Type(() => DailyHours) thu?: DailyHours;
  @day() @IsOptional() @ValidateNested() @Type(() => DailyHours) fri?: DailyHours;
  @day() @IsOptional() @ValidateNested() @Type(() => DailyHours) sat?: DailyHours;
  @day() @IsOptional() @ValidateNested() @Type(() => DailyHours) sun?: DailyHours;
}

const TEXT_MAX = 2000;

const PRICE_DOC =
  'Student price in fen (0.01 yuan). museum, memorial_hall, cultural_centre, library and ' +
  'art_gallery are free for students by policy and never take one (400 STUDENT_PRICE_NOT_ALLOWED); ' +
  'science_museum, science_venue and sports_facility must state it, 0 allowed (400 STUDENT_PRICE_REQUIRED).';

/**
 * The fields of a venue that its staff set: `name` and `category` required on creation, every
 * one optional on update (`PartialType`, so the optional ones never weaken the create rules).
 */
export class VenueFields {
  @ApiProperty({ example: '山东博物馆', minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: VENUE_CATEGORIES, example: 'museum' })
  @IsIn(VENUE_CATEGORIES)
  category!: VenueCategory;

  @ApiPropertyOptional({
    example: '370102',
    pattern: '^\\d{6}$',
    description: "Defaults to the organisation's region",
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit administrative region code' })
  regionCode?: string;

  @ApiPropertyOptional({ example: '济南市历下区经十路11899号', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ example: '山东省综合性博物馆', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  description?: string;

  @ApiPropertyOptional({ example: '无障碍通道、轮椅借用', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  accessibility?: string;

  @ApiPropertyOptional({ example: '0531-85058201', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contact?: string;

  /** In fen (0.01 yuan). Only for priced categories; null on free ones. */
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 0,
    maximum: 1_000_000,
    example: null,
    description: PRICE_DOC,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  studentPriceFen?: number | null;

  @ApiPropertyOptional({
    type: () => WeeklyHours,
    description:
      'Ordinary hours; a weekday left out is a regular closed day. Default Tue-Sun 9:00-17:00.',
    example: { tue: { opens: '09:00', closes: '17:00' }, sun: { opens: '09:00', closes: '17:00' } },
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => WeeklyHours)
  weeklyHours?: WeeklyHours;

  /** Hours on statutory holidays and during the school vacations of the venue's area. */
  @ApiPropertyOptional({
    type: () => DailyHours,
    nullable: true,
    example: { opens: '09:00', closes: '20:00' },
    description:
      'Extended hours, applied by themselves on statutory holidays and during the school vacations ' +
      "of the venue's area (from the directory's calendar). Make-up working days keep the ordinary hours.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DailyHours)
  extendedHours?: DailyHours | null;

  @ApiPropertyOptional({
    enum: HOLIDAY_ON_CLOSED_DAY_RULES,
    default: 'open',
    description:
      'A statutory holiday on a regular closed day: open (default, with the extended hours: the ' +
      'policy asks venues to open longer in holidays) or closed.',
  })
  @IsOptional()
  @IsIn(HOLIDAY_ON_CLOSED_DAY_RULES)
  holidayOnClosedDay?: HolidayOnClosedDayRule;

  @ApiPropertyOptional({ type: 'integer', example: 60, default: 60, minimum: 15, maximum: 480 })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(480)
  slotMinutes?: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 50,
    default: 50,
    minimum: 0,
    maximum: 100_000,
    description: 'Individual places per slot',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  individualCapacity?: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 100,
    default: 100,
    minimum: 0,
    maximum: 100_000,
    description: 'School-group places per slot',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  groupCapacity?: number;
}

/** `venues.venues.create`: a venue of a venue organisation (its staff, or an admin). */
export class CreateVenueCommand extends IntersectionType(ActorMessage, VenueFields) {
  /** Defaults to the actor's organisation (venue staff). */
  @ApiPropertyOptional({
    format: 'uuid',
    example: UUID_EXAMPLE,
    description: 'The venue organisation; defaults to your own (venue staff). Admins name it.',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class CreateVenueBody extends OmitType(CreateVenueCommand, ['actor'] as const) {}

/** `venues.venues.update`: any of the fields; the organisation never changes. */
export class UpdateVenueCommand extends IntersectionType(ActorMessage, PartialType(VenueFields)) {
  @IsUUID() venueId!: string;
}

export class UpdateVenueBody extends OmitType(UpdateVenueCommand, ['actor', 'venueId'] as const) {}

/** `venues.venues.get` */
export class GetVenueQuery extends ActorMessage {
  @IsUUID() venueId!: string;
}

/** `venues.venues.search`: any signed-in user; `date` keeps venues with places left that day. */
export class SearchVenuesQuery extends PageQuery {
  /** A province (370000), city (370100) or district (370102): venues inside it. */
  @ApiPropertyOptional({
    example: '370100',
    pattern: '^\\d{6}$',
    description: 'A province, city or district: venues inside it',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be 6 digits' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: VENUE_CATEGORIES })
  @IsOptional()
  @IsIn(VENUE_CATEGORIES)
  category?: VenueCategory;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-10-05',
    description: 'Only venues with places left that local date',
  })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class SearchVenuesParams extends OmitType(SearchVenuesQuery, ['actor'] as const) {}

/** `venues.closures.add`: a special closure of one local date, with its reason. */
export class AddClosureCommand extends ActorMessage {
  @IsUUID() venueId!: string;

  @ApiProperty({ format: 'date', example: '2026-12-24', description: 'Local date' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: '展厅维护', minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  reason!: string;
}

export class AddClosureBody extends OmitType(AddClosureCommand, ['actor', 'venueId'] as const) {}

/** `venues.closures.remove` */
export class RemoveClosureCommand extends ActorMessage {
  @IsUUID() venueId!: string;
  @IsCalendarDate() date!: string;
}

/** `venues.slots.list`: a venue's slots from `from` to `to` (local dates, at most 31 days). */
export class ListSlotsQuery extends ActorMessage {
  @IsUUID() venueId!: string;

  @ApiProperty({ format: 'date', example: '2026-10-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ format: 'date', example: '2026-10-07', description: 'At most 31 days after from' })
  @IsCalendarDate()
  to!: string;
}

export class ListSlotsParams extends OmitType(ListSlotsQuery, ['actor', 'venueId'] as const) {}

/** `venues.bookings.individual`: a student books one place; confirmed at once. */
export class BookIndividualCommand extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: SLOT_EXAMPLE })
  @IsUUID()
  slotId!: string;

  /** From the `Idempotency-Key` header: the same key and actor return the same booking. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) idempotencyKey?: string;
}

/** The body of an individual booking (and of joining a slot's waiting list): the slot. */
export class BookIndividualBody extends OmitType(BookIndividualCommand, [
  'actor',
  'idempotencyKey',
] as const) {}

export const MAX_GROUP_STUDENTS = 500;

/** What a group request lists, for a slot or an activity. */
export class GroupVisitFields extends ActorMessage {
  /** The students listed (ids from the roster); their number is the student count. */
  @ApiProperty({
    type: [String],
    format: 'uuid',
    example: [UUID_EXAMPLE],
    maxItems: MAX_GROUP_STUDENTS,
    description: `Students of your school (roster ids), at most ${MAX_GROUP_STUDENTS}`,
  })
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(MAX_GROUP_STUDENTS)
  studentIds!: string[];

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    example: 2,
    description: 'Accompanying teachers; they take places too',
  })
  @IsInt()
  @Min(0)
  @Max(100)
  teacherCount!: number;

  @ApiPropertyOptional({ example: '三年级二班', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  /** From the `Idempotency-Key` header. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) idempotencyKey?: string;
}

/** `venues.bookings.group`: school staff ask for places for students and teachers; pending. */
export class RequestGroupVisitCommand extends GroupVisitFields {
  @ApiProperty({ format: 'uuid', example: SLOT_EXAMPLE })
  @IsUUID()
  slotId!: string;
}

/** The body of a group request for a slot (and of queueing one on the group waiting list). */
export class RequestGroupVisitBody extends OmitType(RequestGroupVisitCommand, [
  'actor',
  'idempotencyKey',
] as const) {}

/** `venues.bookings.get`, `.cancel`, `.confirm` */
export class BookingCommand extends ActorMessage {
  @IsUUID() bookingId!: string;
}

/** `venues.bookings.decline` */
export class DeclineGroupCommand extends BookingCommand {
  @ApiProperty({ example: '当日已有大型活动，请改约其他时段', minLength: 2, maxLength: 500 })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class DeclineGroupBody extends OmitType(DeclineGroupCommand, [
  'actor',
  'bookingId',
] as const) {}

/** `venues.bookings.mine` */
export class ListMyBookingsQuery extends PageQuery {}

export class ListMyBookingsParams extends OmitType(ListMyBookingsQuery, ['actor'] as const) {}

/** `venues.bookings.inbox`: pending group requests of a venue, oldest first. */
export class DecisionInboxQuery extends PageQuery {
  @IsUUID() venueId!: string;
}

export class DecisionInboxParams extends OmitType(DecisionInboxQuery, [
  'actor',
  'venueId',
] as const) {}

/** `venues.check-ins.create`: venue staff scan a booking's QR token. */
export class CheckInCommand extends ActorMessage {
  @IsUUID() venueId!: string;

  @ApiProperty({
    example: 'v1.MGI4ZjliMWUt….Xk2…',
    minLength: 10,
    maxLength: 1000,
    description: "The booking's QR token, as scanned",
  })
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  token!: string;
}

export class CheckInBody extends OmitType(CheckInCommand, ['actor', 'venueId'] as const) {}

// ---- views -----------------------------------------------------------------------------

const ID = { format: 'uuid', example: UUID_EXAMPLE } as const;
const INSTANT = { format: 'date-time', example: '2026-10-05T01:00:00.000Z' } as const;
const LOCAL_DATE = { format: 'date', example: '2026-10-05', description: 'Local date' } as const;
const COUNT = { type: 'integer', minimum: 0 } as const;

/** A special closure of one local date. */
export class VenueClosure {
  @ApiProperty(LOCAL_DATE) date!: string;
  @ApiProperty({ example: '展厅维护' }) reason!: string;
}

export class VenueView {
  @ApiProperty(ID) id!: string;
  @ApiProperty({ ...ID, description: 'The venue organisation' }) organisationId!: string;
  @ApiProperty({ example: '山东博物馆' }) name!: string;
  @ApiProperty({ enum: VENUE_CATEGORIES, example: 'museum' }) category!: VenueCategory;
  /** True for the free categories. */
  @ApiProperty({ description: 'True for the categories free for students by policy' })
  freeForStudents!: boolean;
  @ApiProperty({ type: 'integer', nullable: true, example: null, description: PRICE_DOC })
  studentPriceFen!: number | null;
  @ApiProperty({ example: '370102' }) regionCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '济南市历下区经十路11899号' })
  address!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true }) accessibility!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0531-85058201' }) contact!: string | null;
  @ApiProperty({ type: () => WeeklyHours, description: 'A weekday left out is closed' })
  weeklyHours!: WeeklyHours;
  @ApiProperty({
    type: () => DailyHours,
    nullable: true,
    description: 'Hours on statutory holidays and in the school vacations',
  })
  extendedHours!: DailyHours | null;
  @ApiProperty({ enum: HOLIDAY_ON_CLOSED_DAY_RULES }) holidayOnClosedDay!: HolidayOnClosedDayRule;
  @ApiProperty({ type: 'integer', example: 60 }) slotMinutes!: number;
  @ApiProperty({ ...COUNT, example: 50 }) individualCapacity!: number;
  @ApiProperty({ ...COUNT, example: 100 }) groupCapacity!: number;
  @ApiProperty({ type: () => [VenueClosure], description: 'Special closures' })
  closures!: VenueClosure[];
  @ApiProperty(INSTANT) createdAt!: string;
  @ApiProperty(INSTANT) updatedAt!: string;
}

/** A search hit: `placesLeft` counts individual and group places on `date`, when asked. */
export class VenueSearchHit extends VenueView {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Individual and group places left on the date asked; null without a date',
  })
  placesLeft!: number | null;
}

/** `ordinary`, `extended` (holiday or vacation hours). */
export const SLOT_PROFILES = ['ordinary', 'extended'] as const;
export type SlotProfile = (typeof SLOT_PROFILES)[number];
export const SLOT_STATUSES = ['open', 'withdrawn'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];

export class SlotView {
  @ApiProperty(ID) id!: string;
  @ApiProperty(ID) venueId!: string;
  @ApiProperty(LOCAL_DATE) date!: string;
  @ApiProperty(INSTANT) startsAt!: string;
  @ApiProperty(INSTANT) endsAt!: string;
  /** Local times, for people. */
  @ApiProperty({ example: '09:00', description: 'Local time (Asia/Shanghai)' }) opens!: string;
  @ApiProperty({ example: '10:00', description: 'Local time (Asia/Shanghai)' }) closes!: string;
  @ApiProperty({ enum: SLOT_PROFILES, description: 'extended: holiday or vacation hours' })
  profile!: SlotProfile;
  /** Why the day has these hours: `holiday:国庆节`, `vacation:summer`, `weekday`. */
  @ApiProperty({
    example: 'holiday:国庆节',
    description: 'Why the day has these hours: holiday:<name>, vacation:<name>, weekday',
  })
  reason!: string;
  @ApiProperty({ enum: SLOT_STATUSES }) status!: SlotStatus;
  @ApiProperty({ ...COUNT, example: 50 }) individualCapacity!: number;
  @ApiProperty({ type: 'integer', example: 12 }) individualLeft!: number;
  @ApiProperty({ ...COUNT, example: 100 }) groupCapacity!: number;
  @ApiProperty({ type: 'integer', example: 40 }) groupLeft!: number;
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

export class BookingView {
  @ApiProperty(ID) id!: string;
  @ApiProperty({ enum: BOOKING_KINDS }) kind!: BookingKind;
  @ApiProperty({ enum: BOOKING_STATUSES }) status!: BookingStatus;
  @ApiProperty(ID) venueId!: string;
  @ApiProperty({ ...ID, description: "The slot, or the activity's id for an activity booking" })
  slotId!: string;
  @ApiProperty(INSTANT) slotStartsAt!: string;
  @ApiProperty(INSTANT) slotEndsAt!: string;
  @ApiProperty(LOCAL_DATE) date!: string;
  @ApiProperty(ID) bookerAccountId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  schoolOrganisationId!: string | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Roster students' })
  studentIds!: string[];
  @ApiProperty({ ...COUNT, example: 1 }) studentCount!: number;
  @ApiProperty({ ...COUNT, example: 0 }) teacherCount!: number;
  @ApiProperty({ ...COUNT, example: 1 }) places!: number;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, nullable: true }) declineReason!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'A pending group request expires undecided then',
  })
  decisionDeadline!: string | null;
  /** The slot disappeared after a calendar or opening change: the venue and booker must talk. */
  @ApiProperty({
    description: 'The slot disappeared after a calendar or opening change',
  })
  slotWithdrawn!: boolean;
  /** Signed QR token, only while confirmed or checked in. */
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Signed QR token, only while confirmed or checked in',
  })
  checkInToken!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  checkedInAt!: string | null;
  @ApiProperty(INSTANT) createdAt!: string;
  /** Set when the booking is for an activity (its `slotId` is then the activity's id). */
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Set when the booking is for an activity',
  })
  activityId!: string | null;
  /** Why the booking was cancelled when it was not the booker (e.g. the activity was cancelled). */
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why it was cancelled when not by the booker (e.g. the activity was cancelled)',
  })
  cancelReason!: string | null;
  /**
   * What a calendar or opening change did (issue 18): `calendar_change` (moved to the new slot
   * covering its start, or cancelled when none could take it) or `venue_closed` (cancelled by a
   * special closure); null when none touched it.
   */
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'calendar_change',
    description:
      'calendar_change (moved to the new slot covering its start, or cancelled when none could ' +
      'take it) or venue_closed (cancelled by a special closure); null when none touched it',
  })
  changeReason!: string | null;
  /** The slot's time before a calendar change moved the booking (null when never moved). */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  previousSlotStartsAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  previousSlotEndsAt!: string | null;
}

/** An inbox entry: the request, with the places its slot has left and a starvation warning. */
export class InboxItem extends BookingView {
  @ApiProperty({ type: 'integer', example: 40 }) groupPlacesLeft!: number;
  /** Places held by other pending requests of the same slot. */
  @ApiProperty({ type: 'integer', description: 'Places held by other pending requests' })
  otherPendingPlaces!: number;
  /** Set when confirming this would leave fewer places than the others pending need. */
  @ApiProperty({ type: String, nullable: true }) warning!: string | null;
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
  @ApiProperty({ format: 'uuid', example: SLOT_EXAMPLE })
  @IsUUID()
  slotId!: string;
}

export class JoinWaitlistBody extends OmitType(JoinWaitlistCommand, ['actor'] as const) {}

/** `venues.waitlist.accept`: takes the place an offer holds; confirmed at once. */
export class AcceptOfferCommand extends ActorMessage {
  @IsUUID() entryId!: string;
}

/** `venues.waitlist.mine` */
export class ListMyWaitlistQuery extends PageQuery {}

export class ListMyWaitlistParams extends OmitType(ListMyWaitlistQuery, ['actor'] as const) {}

export const WAITLIST_STATUSES = ['waiting', 'offered', 'accepted', 'expired'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

export class WaitlistEntryView {
  @ApiProperty(ID) id!: string;
  @ApiProperty(ID) slotId!: string;
  @ApiProperty(ID) venueId!: string;
  @ApiProperty({ enum: WAITLIST_STATUSES }) status!: WaitlistStatus;
  /** While offered: the place is held for you until then. */
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'While offered: the place is held for you until then',
  })
  offerExpiresAt!: string | null;
  @ApiProperty(INSTANT) createdAt!: string;
}

// ---- group waiting list (issue 18) ------------------------------------------------------
// Joining takes a `RequestGroupVisitCommand` (`venues.group-waitlist.join`), accepting an
// `AcceptOfferCommand` (`venues.group-waitlist.accept`), listing a `ListMyWaitlistQuery`.

export class GroupWaitlistEntryView {
  @ApiProperty(ID) id!: string;
  @ApiProperty(ID) slotId!: string;
  @ApiProperty(ID) venueId!: string;
  @ApiProperty(ID) schoolOrganisationId!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) studentIds!: string[];
  @ApiProperty({ ...COUNT, example: 2 }) teacherCount!: number;
  /** Students + teachers: the places an offer holds. */
  @ApiProperty({ ...COUNT, description: 'Students and teachers: the places an offer holds' })
  places!: number;
  @ApiProperty({ enum: WAITLIST_STATUSES }) status!: WaitlistStatus;
  /** While offered: the places are held for the school until then. */
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'While offered: the places are held for the school until then',
  })
  offerExpiresAt!: string | null;
  /** Once accepted: the pending group request the venue decides. */
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Once accepted: the pending group request the venue decides',
  })
  bookingId!: string | null;
  @ApiProperty(INSTANT) createdAt!: string;
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
