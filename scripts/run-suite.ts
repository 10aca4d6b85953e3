/**
 * `npm start`: the whole suite on this machine. Starts (or reuses) a Kafka broker, checks
 * MySQL, creates topics and databases, runs migrations, starts every service and the
 * gateway, seeds the demo admin and prints where to go. Ctrl-C stops what it started.
 */
import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createConnection } from 'mysql2/promise';
import kafkajs from 'kafkajs';
import { createKafka, waitForKafka } from '@app/messaging';
import { redactUrl } from '@app/database';
import { adminKafka, prepareInfrastructure, serviceMysqlUrl } from './prepare.js';
import { GATEWAY, SERVICES } from './services.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = {
  kafkaPort: Number(process.env.KAFKA_PORT ?? 9092),
  mysqlUrl: process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306',
  dbPrefix: process.env.DB_PREFIX ?? 'studentpass_',
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 3000),
  demoEmail: process.env.DEMO_ADMIN_EMAIL ?? 'admin@studentpass.local',
  demoPassword: process.env.DEMO_ADMIN_PASSWORD ?? 'Demo-Admin-2026!',
  logDir: process.env.SUITE_LOG_DIR ?? `${root}.run/logs`,
};
const brokers = (process.env.KAFKA_BROKERS ?? `127.0.0.1:${env.kafkaPort}`).split(',');
const kafka = adminKafka(brokers);
const databaseSettings = { MYSQL_URL: env.mysqlUrl, DB_PREFIX: env.dbPrefix };
const children: { name: string; process: ChildProcess; log: string }[] = [];
let startedKafka = false;
let stopping = false;

const tty = process.stdout.isTTY;
const green = (s: string) => (tty ? `\x1b[32m${s}\x1b[0m` : s);
const red = (s: string) => (tty ? `\x1b[31m${s}\x1b[0m` : s);
const bold = (s: string) => (tty ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string) => (tty ? `\x1b[2m${s}\x1b[0m` : s);

/** Runs one start-up step with a line that says what is happening and how long it took. */
async function step<T>(
  label: string,
  work: () => Promise<T>,
  describe: (result: T) => string,
): Promise<T> {
  const started = Date.now();
  const pad = label.padEnd(22);
  if (tty) process.stdout.write(`  … ${pad}`);
  try {
    const result = await work();
    const line = `  ${green('✔')} ${pad}${describe(result)} ${dim(`(${((Date.now() - started) / 1000).toFixed(1)} s)`)}`;
    process.stdout.write(tty ? `\r${line}\n` : `${line}\n`);
    return result;
  } catch (error) {
    const line = `  ${red('✘')} ${pad}${error instanceof Error ? error.message : String(error)}`;
    process.stdout.write(tty ? `\r${line}\n` : `${line}\n`);
    throw error;
  }
}

async function ensureKafka(): Promise<string> {
  const client = createKafka(kafka, 'studentpass-run', {
    retry: { retries: 0 },
    connectionTimeout: 1000,
    logLevel: kafkajs.logLevel.NOTHING,
  });
  try {
    await waitForKafka(client, 1500);
    return `reusing the broker at ${brokers.join(',')}`;
  } catch {
    if (process.env.KAFKA_BROKERS)
      throw new Error(`no broker answers at ${brokers.join(',')} (KAFKA_BROKERS)`);
  }
  const result = spawnSync('bash', [`${root}deploy/local/kafka.sh`, 'start'], {
    env: { ...process.env, KAFKA_PORT: String(env.kafkaPort) },
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`kafka.sh start failed:\n${result.stdout}${result.stderr}`);
  startedKafka = true;
  return `started Apache Kafka on 127.0.0.1:${env.kafkaPort}`;
}

async function checkMysql(): Promise<string> {
  try {
    const connection = await createConnection({ uri: env.mysqlUrl, connectTimeout: 3000 });
    const [rows] = await connection.query('SELECT VERSION() AS v');
    await connection.end();
    return `${(rows as { v: string }[])[0].v} at ${redactUrl(env.mysqlUrl)}`;
  } catch (error) {
    throw new Error(
      `MySQL/MariaDB does not answer at ${redactUrl(env.mysqlUrl)} (${(error as Error).message}). Start it, ` +
        `e.g. 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd', or set MYSQL_URL.`,
      { cause: error },
    );
  }
}

function startApp(name: string, main: string, extraEnv: Record<string, string>): void {
  mkdirSync(env.logDir, { recursive: true });
  const log = `${env.logDir}/${name}.log`;
  const out = createWriteStream(log, { flags: 'a' });
  const child = spawn(process.execPath, [`${root}${main}`], {
    env: {
      ...process.env,
      KAFKA_BROKERS: brokers.join(','),
      // each service with its own MySQL user (made by prepare); the gateway needs none
      MYSQL_URL: name === GATEWAY.name ? '' : serviceMysqlUrl(databaseSettings, name),
      DB_PREFIX: env.dbPrefix,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    const tail = readFileSync(log, 'utf8').trim().split('\n').slice(-15).join('\n');
    console.error(
      `\n${red(`${name} stopped unexpectedly`)} (code ${code}, signal ${signal}). Last lines of ${log}:\n${tail}`,
    );
    void shutdown(1);
  });
  children.push({ name, process: child, log });
}

async function waitForGateway(): Promise<string> {
  const url = `http://${env.host}:${env.port}/health/ready`;
  const deadline = Date.now() + 90_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return `ready at http://${env.host}:${env.port}`;
      last = JSON.stringify(((await res.json()) as { details?: unknown }).details ?? res.status);
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`not ready after 90 s (${last}); see ${env.logDir}/gateway.log`);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(
    `\n${bold('Stopping')} ${children.map((c) => c.name).join(', ')}${startedKafka ? ' and Kafka' : ''}…`,
  );
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.process.exitCode !== null || c.process.signalCode !== null) return resolve();
          const kill = setTimeout(() => c.process.kill('SIGKILL'), 10_000);
          c.process.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          c.process.kill('SIGTERM');
        }),
    ),
  );
  if (startedKafka)
    spawnSync('bash', [`${root}deploy/local/kafka.sh`, 'stop'], {
      env: { ...process.env, KAFKA_PORT: String(env.kafkaPort) },
      stdio: 'inherit',
    });
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  console.log(bold('studentpass: starting the suite'));
  await step('Kafka', ensureKafka, (r) => r);
  await step('MySQL', checkMysql, (r) => r);
  await step(
    'Topics and databases',
    () => prepareInfrastructure({ kafka, ...databaseSettings }),
    (r) =>
      `${r.createdTopics.length} topic(s) created, ${Object.values(r.migrations).flat().length} migration(s) run, databases ${env.dbPrefix}*`,
  );
  for (const service of SERVICES) {
    await step(
      service.name,
      () => Promise.resolve(startApp(service.name, service.main, { SEED_DEMO: 'true' })),
      () => `started, log ${env.logDir}/${service.name}.log`,
    );
  }
  await step(
    'gateway',
    async () => {
      startApp(GATEWAY.name, GATEWAY.main, { HOST: env.host, PORT: String(env.port) });
      return waitForGateway();
    },
    (r) => r,
  );
  const base = `http://${env.host}:${env.port}`;
  console.log(`
${bold('The suite is up.')}
  API        ${base}
  Docs       ${base}/docs   (OpenAPI JSON at ${base}/docs/json)
  Demo admin ${env.demoEmail} / ${env.demoPassword}
             same password: province.admin@, lixia.admin@, teacher@, museum@, careers@studentpass.local
  Try it     curl -s -X POST ${base}/auth/login -H 'content-type: application/json' \\
               -d '{"email":"${env.demoEmail}","password":"${env.demoPassword}"}'
             curl -s ${base}/me -H "authorization: Bearer <accessToken from above>"
  Logs       ${env.logDir}/*.log

Press Ctrl-C to stop everything this command started.`);
}

main().catch(async (error: unknown) => {
  console.error(
    red(`\nThe suite did not start: ${error instanceof Error ? error.message : String(error)}`),
  );
  await shutdown(1);
});
