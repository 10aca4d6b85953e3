import { CalendarEventTopics, CalendarRequestTopics } from './calendar/topics.js';
import { RosterEventTopics, RosterRequestTopics } from './roster/topics.js';
import {
  EmploymentAidDeadLetterTopic,
  EmploymentAidEventTopics,
  EmploymentAidRequestTopics,
} from './employment-aid/topics.js';
import { VenuesDeadLetterTopic, VenuesEventTopics, VenuesRequestTopics } from './venues/topics.js';
import { QuotasDeadLetterTopic, QuotasEventTopics, QuotasRequestTopics } from './quotas/topics.js';
import { SCREENINGS_ATTENDANCE_DIGEST } from './screenings/digest.js';
import { ScreeningsEventTopics } from './screenings/events.js';
import { StudyToursEventTopics } from './study-tours/events.js';

/**
 * Every Kafka topic of the suite, versioned where it carries events. Topics are created
 * explicitly by `ensureTopics` (auto-creation is off on the broker): request topics take
 * commands from the gateway, `<request>.reply` topics carry the answers, event topics carry
 * facts between services, and each service has one dead-letter topic.
 */
export const Topics = {
  directory: {
    ping: 'directory.health.ping',
    login: 'directory.auth.login',
    refresh: 'directory.auth.refresh',
    logout: 'directory.auth.logout',
    me: 'directory.accounts.me',
    createAccount: 'directory.accounts.create',
    listAccounts: 'directory.accounts.list',
    getAccount: 'directory.accounts.get',
    unlockAccount: 'directory.accounts.unlock',
    createOrganisation: 'directory.organisations.create',
    getOrganisation: 'directory.organisations.get',
    listOrganisations: 'directory.organisations.list',
  },
  calendar: CalendarRequestTopics,
  roster: RosterRequestTopics,
  venues: VenuesRequestTopics,
  employmentAid: EmploymentAidRequestTopics,
  quotas: QuotasRequestTopics,
  /** Answered by the screenings service (not in this branch): the quotas consistency check asks it. */
  screeningsDigest: { attendanceDigest: SCREENINGS_ATTENDANCE_DIGEST },
  events: {
    accountCreated: 'directory.account.created.v1',
    organisationCreated: 'directory.organisation.created.v1',
    ...CalendarEventTopics,
    ...RosterEventTopics,
    ...VenuesEventTopics,
    ...EmploymentAidEventTopics,
    ...ScreeningsEventTopics,
    ...StudyToursEventTopics,
    ...QuotasEventTopics,
  },
  deadLetters: {
    directory: 'directory.dead-letters',
    venues: VenuesDeadLetterTopic,
    employmentAid: EmploymentAidDeadLetterTopic,
    quotas: QuotasDeadLetterTopic,
  },
} as const;

/** Groups of request topics: one per feature, each answered by one service. */
const REQUEST_TOPIC_GROUPS: Readonly<Record<string, string>>[] = [
  Topics.directory,
  Topics.calendar,
  Topics.roster,
  Topics.venues,
  Topics.employmentAid,
  Topics.quotas,
  Topics.screeningsDigest,
];

/** Every service behind the gateway, with the topic that proves it answers (readiness). */
export const SERVICE_PINGS: readonly { name: string; ping: string }[] = [
  { name: 'directory', ping: Topics.directory.ping },
  { name: 'venues', ping: Topics.venues.ping },
  { name: 'employment-aid', ping: Topics.employmentAid.ping },
  { name: 'quotas', ping: Topics.quotas.ping },
];

export const REPLY_SUFFIX = '.reply';
export const replyTopicOf = (topic: string): string => `${topic}${REPLY_SUFFIX}`;

/**
 * Partition counts. kafkajs sends every partition a consumer owns in every fetch, so the
 * cost of a fetch grows with the partitions (one topic per command already makes ~100
 * request topics): 3 per request topic and 2 per reply topic measured best with every
 * service running (docs/benchmarks.md; 12 and 4 were best when the directory had 3
 * topics). Reply topics need at least as many partitions as gateway instances. Event
 * topics are keyed by aggregate id, so order holds per key.
 */
export const TopicPartitions = {
  request: 3,
  reply: 2,
  event: 3,
  deadLetter: 1,
} as const;

export interface TopicSpec {
  topic: string;
  partitions: number;
}

/** The full list `ensureTopics` creates, derived from `Topics` so nothing is forgotten. */
export function allTopicSpecs(): TopicSpec[] {
  const requests = allRequestTopics().flatMap((topic) => [
    { topic, partitions: TopicPartitions.request },
    { topic: replyTopicOf(topic), partitions: TopicPartitions.reply },
  ]);
  const events = Object.values(Topics.events).map((topic) => ({
    topic,
    partitions: TopicPartitions.event,
  }));
  const deadLetters = Object.values(Topics.deadLetters).map((topic) => ({
    topic,
    partitions: TopicPartitions.deadLetter,
  }));
  return [...requests, ...events, ...deadLetters];
}

/** Every request topic a gateway must subscribe to the replies of. */
export const allRequestTopics = (): string[] =>
  REQUEST_TOPIC_GROUPS.flatMap((group) => Object.values(group));
