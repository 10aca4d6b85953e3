import { CalendarEventTopics, CalendarRequestTopics } from './calendar/topics.js';
import { RosterEventTopics, RosterRequestTopics } from './roster/topics.js';
import {
  EmploymentAidDeadLetterTopic,
  EmploymentAidEventTopics,
  EmploymentAidRequestTopics,
} from './employment-aid/topics.js';
import { VenuesDeadLetterTopic, VenuesEventTopics, VenuesRequestTopics } from './venues/topics.js';
import { ScreeningsDeadLetterTopic, ScreeningsRequestTopics } from './screenings/topics.js';
import { ScreeningsEventTopics } from './screenings/events.js';
import { StudyToursDeadLetterTopic, StudyToursRequestTopics } from './study-tours/topics.js';
import { QuotasDeadLetterTopic, QuotasEventTopics, QuotasRequestTopics } from './quotas/topics.js';
import { StudyToursEventTopics } from './study-tours/events.js';

/**
 * Every Kafka topic of the suite, versioned where it carries events. Topics are created
 * explicitly by `ensureTopics` (auto-creation is off on the broker). The request entries
 * are command names, not topics: each service reads one `<service>.requests` topic with the
 * command in a header and answers on `<service>.replies` (`SERVICE_COMMANDS`). Event topics
 * carry facts between services, and each service has one dead-letter topic.
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
    changeOwnPassword: 'directory.accounts.change-own-password',
    resetPassword: 'directory.accounts.reset-password',
    deactivateAccount: 'directory.accounts.deactivate',
    reactivateAccount: 'directory.accounts.reactivate',
    updateAccount: 'directory.accounts.update',
    createOrganisation: 'directory.organisations.create',
    getOrganisation: 'directory.organisations.get',
    listOrganisations: 'directory.organisations.list',
  },
  calendar: CalendarRequestTopics,
  roster: RosterRequestTopics,
  venues: VenuesRequestTopics,
  employmentAid: EmploymentAidRequestTopics,
  screenings: ScreeningsRequestTopics,
  studyTours: StudyToursRequestTopics,
  quotas: QuotasRequestTopics,
  events: {
    accountCreated: 'directory.account.created.v1',
    organisationCreated: 'directory.organisation.created.v1',
    /** A login (refresh-token family) was revoked: its access tokens stop working at once. */
    sessionRevoked: 'directory.session.revoked.v1',
    /** An account's role, name, status or password changed (by whom, and what): audit and read models. */
    accountUpdated: 'directory.account.updated.v1',
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
    screenings: ScreeningsDeadLetterTopic,
    studyTours: StudyToursDeadLetterTopic,
    quotas: QuotasDeadLetterTopic,
  },
} as const;

/**
 * Which service answers which commands. Each service reads ONE request topic and answers
 * on ONE reply topic; the command travels in a header (`x-command`). One topic per command
 * (~100 topics with every feature) made every kafkajs fetch carry every partition and cut
 * the request path's throughput by half (docs/benchmarks.md).
 */
export const SERVICE_COMMANDS: readonly ServiceCommands[] = [
  { service: 'directory', commands: [Topics.directory, Topics.calendar, Topics.roster] },
  { service: 'venues', commands: [Topics.venues] },
  { service: 'employment-aid', commands: [Topics.employmentAid] },
  { service: 'screenings', commands: [Topics.screenings] },
  { service: 'study-tours', commands: [Topics.studyTours] },
  { service: 'quotas', commands: [Topics.quotas] },
];

export interface ServiceCommands {
  service: string;
  commands: readonly Readonly<Record<string, string>>[];
}

/** Every service behind the gateway, with the command that proves it answers (readiness). */
export const SERVICE_PINGS: readonly { name: string; ping: string }[] = [
  { name: 'directory', ping: Topics.directory.ping },
  { name: 'venues', ping: Topics.venues.ping },
  { name: 'employment-aid', ping: Topics.employmentAid.ping },
  { name: 'screenings', ping: Topics.screenings.ping },
  { name: 'study-tours', ping: Topics.studyTours.ping },
  { name: 'quotas', ping: Topics.quotas.ping },
];

/** The one topic a service reads its commands from. */
export const requestTopicOf = (service: string): string => `${service}.requests`;
/** The one topic a service answers on; gateway instances split its partitions. */
export const replyTopicOf = (service: string): string => `${service}.replies`;

/** A command's route: the service's request and reply topics. */
export interface CommandRoute {
  service: string;
  requestTopic: string;
  replyTopic: string;
}

/** Command → route, for every command of `services`; a command listed twice is a bug. */
export function commandRoutes(services: readonly ServiceCommands[]): Map<string, CommandRoute> {
  const routes = new Map<string, CommandRoute>();
  for (const { service, commands } of services) {
    const route = {
      service,
      requestTopic: requestTopicOf(service),
      replyTopic: replyTopicOf(service),
    };
    for (const command of commands.flatMap((group) => Object.values(group))) {
      const taken = routes.get(command);
      if (taken) throw new Error(`${command} is a command of both ${taken.service} and ${service}`);
      routes.set(command, route);
    }
  }
  return routes;
}

/**
 * Partition counts. Request topics: enough for the replicas of a service (each instance
 * works on the requests of a partition concurrently, so one instance needs no more).
 * Reply topics need at least as many partitions as gateway instances. Event topics are
 * keyed by aggregate id, so order holds per key.
 */
export const TopicPartitions = {
  request: 6,
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
  const requests = SERVICE_COMMANDS.flatMap(({ service }) => [
    { topic: requestTopicOf(service), partitions: TopicPartitions.request },
    { topic: replyTopicOf(service), partitions: TopicPartitions.reply },
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
