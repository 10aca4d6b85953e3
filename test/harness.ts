import 'reflect-metadata';
import type { INestMicroservice } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { loadConfig } from '@app/config';
import { waitFor } from '@app/testing';
import { Clock } from '@app/time';
import { DirectoryConfig } from '../apps/directory/src/config.js';
import { startDirectory } from '../apps/directory/src/directory.bootstrap.js';
import { GatewayConfig } from '../apps/gateway/src/config.js';
import { createGateway } from '../apps/gateway/src/gateway.bootstrap.js';
import { HealthService } from '../apps/gateway/src/health/health.service.js';
import { EmploymentAidConfig } from '../apps/employment-aid/src/config.js';
import { startEmploymentAid } from '../apps/employment-aid/src/employment-aid.bootstrap.js';
import { VenuesConfig } from '../apps/venues/src/config.js';
import { startVenues } from '../apps/venues/src/venues.bootstrap.js';
import { ScreeningsConfig } from '../apps/screenings/src/config.js';
import { startScreenings } from '../apps/screenings/src/screenings.bootstrap.js';
import { StudyToursConfig } from '../apps/study-tours/src/config.js';
import { startStudyTours } from '../apps/study-tours/src/study-tours.bootstrap.js';
import { QuotasConfig } from '../apps/quotas/src/config.js';
import { startQuotas } from '../apps/quotas/src/quotas.bootstrap.js';
import { testAppEnv } from '../scripts/test-infra.js';
import { buildOpenApiDocument } from '../apps/gateway/src/openapi.js';
import { createApiClient, type ApiClient } from '@app/api-client';
import { failOnShapeFindings, stopWatching, watchResponses } from './response-shapes.js';

// Every response a test receives through `suite.http()` must match the OpenAPI document.
afterEach(failOnShapeFindings);

/** The services that run with a Clock tests may move. */
export type TimedService = 'venues' | 'employment-aid' | 'screenings' | 'study-tours' | 'quotas';

export const DEMO = { email: 'admin@studentpass.local', password: 'Demo-Admin-2026!' };

export interface Suite {
  gateway: NestExpressApplication;
  directory: INestMicroservice | null;
  /** The other services, in the order they were started. */
  services: INestMicroservice[];
  /**
   * The Clock a running service asks for the time; replace `now` on it to move that
   * service's time. Every service has one (`@app/time`), so it is found by service.
   */
  clockOf(service: TimedService): Clock;
  http: () => TestAgent;
  /**
   * The typed client generated from the OpenAPI document (`@app/api-client`), on the gateway
   * listening on a free port; its responses are checked against the document too.
   */
  api(token?: string): Promise<ApiClient>;
  directoryConfig: DirectoryConfig;
  gatewayConfig: GatewayConfig;
  stopDirectory(): Promise<void>;
  startDirectory(): Promise<void>;
  waitUntilReady(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole suite in the test process: every service and the gateway, on the real test
 * broker and databases, with the demo data seeded. Requests go through supertest.
 */
export async function startSuite(env: Record<string, string> = {}): Promise<Suite> {
  // Each app as `npm start` runs it: its own MySQL user, its own Kafka principal (by default
  // the app's name), so the tests fail if a service needs more than its grants.
  const envOf = (service?: string) => testAppEnv({ SEED_DEMO: 'true', ...env }, service);
  const directoryConfig = loadConfig(DirectoryConfig, envOf('directory'));
  const gatewayConfig = loadConfig(GatewayConfig, envOf());
  const gateway = await createGateway(gatewayConfig);
  await gateway.init();
  const shapes = watchResponses(buildOpenApiDocument(gateway));
  const [venues, employmentAid, screenings, studyTours, quotas] = await Promise.all([
    startVenues(loadConfig(VenuesConfig, envOf('venues'))),
    startEmploymentAid(loadConfig(EmploymentAidConfig, envOf('employment-aid'))),
    startScreenings(loadConfig(ScreeningsConfig, envOf('screenings'))),
    startStudyTours(loadConfig(StudyToursConfig, envOf('study-tours'))),
    startQuotas(loadConfig(QuotasConfig, envOf('quotas'))),
  ]);
  const timed: Record<TimedService, INestMicroservice> = {
    venues,
    'employment-aid': employmentAid,
    screenings,
    'study-tours': studyTours,
    quotas,
  };
  const services = [venues, employmentAid, screenings, studyTours, quotas];
  const suite: Suite = {
    gateway,
    directory: null,
    services,
    directoryConfig,
    gatewayConfig,
    // English, so that specs can read the services' messages; Chinese, the default, is
    // tested on its own (security-input.e2e-spec.ts).
    http: () => {
      const agent = request.agent(gateway.getHttpServer()).set('accept-language', 'en');
      return shapes ? shapes.watch(agent) : agent;
    },
    async api(token) {
      if (!gateway.getHttpServer().listening) await gateway.listen(0, '127.0.0.1');
      return createApiClient({
        baseUrl: (await gateway.getUrl()).replace('[::1]', '127.0.0.1'),
        token,
        language: 'en',
        fetch: shapes ? shapes.watchFetch() : fetch,
      });
    },
    clockOf: (service) => timed[service].get(Clock),
    async stopDirectory() {
      await suite.directory?.close();
      suite.directory = null;
    },
    async startDirectory() {
      suite.directory = await startDirectory(directoryConfig);
    },
    async waitUntilReady() {
      const health = gateway.get(HealthService);
      await waitFor(async () => (await health.readiness()).ready, {
        timeoutMs: 30_000,
        what: 'suite readiness',
      });
    },
    async close() {
      stopWatching(expect.getState().testPath ?? 'unknown');
      await suite.stopDirectory();
      await Promise.all(suite.services.map((service) => service.close()));
      await gateway.close();
    },
  };
  await suite.startDirectory();
  await suite.waitUntilReady();
  return suite;
}

export interface OrganisationRow {
  id: string;
  name: string;
  kind: string;
  regionCode: string;
}

/**
 * The first organisation of `query` (e.g. `kind=bureau`) that `match` accepts, looked for page
 * by page: the kept test database holds the organisations of every earlier run.
 */
export async function findOrganisation(
  suite: Suite,
  token: string,
  query: string,
  match: (organisation: OrganisationRow) => boolean,
): Promise<OrganisationRow> {
  for (let page = 1; ; page++) {
    const res = await suite
      .http()
      .get(`/organisations?${query}&pageSize=100&page=${page}`)
      .set({ authorization: `Bearer ${token}` })
      .expect(200);
    const items = res.body.items as OrganisationRow[];
    const found = items.find(match);
    if (found) return found;
    if (items.length < 100) throw new Error(`no organisation of ${query} matches`);
  }
}

export async function loginAsDemoAdmin(suite: Suite): Promise<string> {
  const res = await suite.http().post('/auth/login').send(DEMO).expect(200);
  return (res.body as { accessToken: string }).accessToken;
}

/**
 * Retries a venue booking while the roster events are still on their way to the venues
 * service (its own copy of the roster): until it answers anything but STUDENTS_NOT_IN_SCHOOL.
 */
export function untilRosterKnown<T extends { body: { code?: string } }>(
  attempt: () => Promise<T>,
  what = 'the roster to reach the venues service',
): Promise<T> {
  return waitFor(
    async () => {
      const res = await attempt();
      return res.body.code === 'STUDENTS_NOT_IN_SCHOOL' ? undefined : res;
    },
    { timeoutMs: 90_000, intervalMs: 300, what },
  );
}
