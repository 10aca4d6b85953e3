import { CalendarEventTopics, CalendarRequestTopics } from './calendar/topics.js';
import { RosterEventTopics, RosterRequestTopics } from './roster/topics.js';
import {
  EmploymentAidDeadLetterTopic,
  EmploymentAidEventTopics,
  EmploymentAidRequestTopics,
} from './employment-aid/topics.js';
import { VenuesDeadLetterTopic, VenuesEventTopics, VenuesRequestTopics } from './venues/topics.js';

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
  events: {
    accountCreated: 'directory.account.created.v1',
    organisationCreated: 'directory.organisation.created.v1',
    ...CalendarEventTopics,
    ...RosterEventTopics,
    ...VenuesEventTopics,
    ...EmploymentAidEventTopics,
  },
  deadLetters: {
    directory: 'directory.dead-letters',
    venues: VenuesDeadLetterTopic,
    employmentAid: EmploymentAidDeadLetterTopic,
  },
} as const;

/** Groups of request topics: one per feature, each answered by one service. */
const REQUEST_TOPIC_GROUPS: Readonly<Record<string, string>>[] = [
  Topics.directory,
  Topics.calendar,
  Topics.roster,
  Topics.venues,
  Topics.employmentAid,
];

/** Every service behind the gateway, with the topic that proves it answers (readiness). */
export const SERVICE_PINGS: readonly { name: string; ping: string }[] = [
  { name: 'directory', ping: Topics.directory.ping },
  { name: 'venues', ping: Topics.venues.ping },
  { name: 'employment-aid', ping: Topics.employmentAid.ping },
];

export const REPLY_SUFFIX = '.reply';
export const replyTopicOf = (topic: string): string => `${topic}${REPLY_SUFFIX}`;

/**
 * Partition counts. Request topics: enough for a service to work on several requests at
 * once (kafkajs handles one partition's messages in order, so concurrency needs partitions:
 * 12 measured best on 2 cores, see docs/benchmarks.md) and for replicas to share them. Reply topics: at
 * least as many as gateway instances, since each instance reads replies on its own
 * partitions. Event topics: keyed by aggregate id, so order holds per key.
 */
export const TopicPartitions = {
  request: 12,
  reply: 4,
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
