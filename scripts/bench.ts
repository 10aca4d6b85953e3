/**
 * `npm run bench`: round trips of GET /me (token reused) at fixed concurrency, through the
 * gateway and Kafka to the directory and MySQL, against the same service logic served over
 * HTTP without the Kafka hop. Prints the figures and writes them into docs/benchmarks.md.
 *
 * Env: BENCH_CONNECTIONS (50), BENCH_SECONDS (20), BENCH_WARMUP_SECONDS (5).
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { GATEWAY, SERVICES } from './services.js';
import { prepareTestInfrastructure, testAppEnv } from './test-infra.js';
import { adminKafka } from './prepare.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const lightSeconds = 5;
// BENCH_PORT / BENCH_DB_PREFIX: room for two benchmarks on one machine.
const GATEWAY_PORT = Number(process.env.BENCH_PORT ?? 3301);
const BASELINE_PORT = GATEWAY_PORT + 1;
const children: ChildProcess[] = [];

const env = testAppEnv({
  DB_PREFIX: process.env.BENCH_DB_PREFIX ?? 'studentpass_bench_',
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'true',
  RATE_LIMIT_PER_MINUTE: '100000000',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
});

function start(main: string, extra: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [`${root}${main}`], {
    env: { ...process.env, ...env, ...extra },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

/** CPU time (user + system, ms) a child has used so far, from /proc (Linux). */
function cpuMsOf(child: ChildProcess | undefined): number {
  if (!child?.pid) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

async function waitFor(url: string, ok: (status: number) => boolean): Promise<void> {
  // Generous: on a busy shared machine every service takes long to start.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (ok(status)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up`);
}

interface Figures {
  label: string;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  total: number;
}

async function load(
  label: string,
  url: string,
  token: string,
  duration: number,
  conns = connections,
): Promise<Figures> {
  const result = await autocannon({
    url,
    connections: conns,
    duration,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

function markdown(kafka: Figures, baseline: Figures, light: Figures[]): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const row = (f: Figures) =>
    `| ${f.label} | ${f.rps.toFixed(0)} | ${f.p50} | ${f.p90} | ${f.p99} | ${f.max} | ${f.total} | ${f.errors + f.non2xx} |`;
  return [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${cpu}), ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; ` +
      `Kafka broker, MariaDB, gateway, directory, baseline and autocannon all on this machine. ` +
      `${connections} connections, ${seconds} s after ${warmupSeconds} s of warm-up, \`GET /me\` with one token; ` +
      `Kafka client ${env.KAFKA_CLIENT ?? 'platformatic'}.`,
    '',
    '| path | requests/s | p50 ms | p90 ms | p99 ms | max ms | requests | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    row(kafka),
    row(baseline),
    '',
    `Kafka path / baseline requests per second: **${(kafka.rps / baseline.rps).toFixed(2)}**.`,
    '',
    `Without queueing (1 connection, ${lightSeconds} s each):`,
    '',
    '| path | requests/s | p50 ms | p90 ms | p99 ms | max ms | requests | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...light.map(row),
  ].join('\n');
}

function writeIntoDocs(block: string): void {
  const file = `${root}docs/benchmarks.md`;
  const start = '<!-- bench:roundtrip:start -->';
  const end = '<!-- bench:roundtrip:end -->';
  const doc = readFileSync(file, 'utf8');
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`docs/benchmarks.md lacks the ${start} … ${end} markers`);
  writeFileSync(file, `${doc.slice(0, from + start.length)}\n${block}\n${doc.slice(to)}`);
}

async function main(): Promise<void> {
  console.log('bench: preparing Kafka, topics and the bench database');
  await prepareTestInfrastructure();
  const { prepareInfrastructure } = await import('./prepare.js');
  await prepareInfrastructure({
    kafka: adminKafka(env.KAFKA_BROKERS.split(',')),
    MYSQL_URL: env.MYSQL_URL,
    DB_PREFIX: env.DB_PREFIX,
  });

  // Every service, since the gateway is ready only when all answer; only the directory is measured.
  const measured: Record<string, ChildProcess> = {};
  for (const service of SERVICES) {
    measured[service.name] = start(
      service.main,
      process.env.BENCH_CONCURRENCY ? { CONSUMER_CONCURRENCY: process.env.BENCH_CONCURRENCY } : {},
    );
  }
  measured.gateway = start(GATEWAY.main, { PORT: String(GATEWAY_PORT) });
  start('dist/scripts/bench-baseline.js', { PORT: String(BASELINE_PORT), SEED_DEMO: 'false' });
  await waitFor(`http://127.0.0.1:${GATEWAY_PORT}/health/ready`, (s) => s === 200);
  await waitFor(`http://127.0.0.1:${BASELINE_PORT}/me`, (s) => s === 401);

  const login = await fetch(`http://127.0.0.1:${GATEWAY_PORT}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@studentpass.local', password: 'Demo-Admin-2026!' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };

  const viaKafka = `http://127.0.0.1:${GATEWAY_PORT}/me`;
  const direct = `http://127.0.0.1:${BASELINE_PORT}/me`;
  console.log(`bench: warming up (${warmupSeconds} s each)`);
  await load('warm-up', viaKafka, accessToken, warmupSeconds);
  await load('warm-up', direct, accessToken, warmupSeconds);
  console.log(`bench: measuring (${seconds} s each, ${connections} connections)`);
  const cpuBefore = { gateway: cpuMsOf(measured.gateway), directory: cpuMsOf(measured.directory) };
  const kafka = await load('gateway → Kafka → directory → MySQL', viaKafka, accessToken, seconds);
  const cpuPerRequest = (name: 'gateway' | 'directory') =>
    ((cpuMsOf(measured[name]) - cpuBefore[name]) / Math.max(1, kafka.total)).toFixed(2);
  const cpu = `CPU per request on the Kafka path: gateway ${cpuPerRequest('gateway')} ms, directory ${cpuPerRequest('directory')} ms.`;
  const baseline = await load(
    'baseline: same logic over HTTP, no Kafka',
    direct,
    accessToken,
    seconds,
  );

  const light = [
    await load('gateway → Kafka → directory → MySQL', viaKafka, accessToken, lightSeconds, 1),
    await load('baseline: same logic over HTTP, no Kafka', direct, accessToken, lightSeconds, 1),
  ];
  const block = `${markdown(kafka, baseline, light)}\n\n${cpu}`;
  console.log(`\n${block}\n`);
  if (process.env.BENCH_WRITE !== 'false') {
    writeIntoDocs(block);
    console.log('bench: written into docs/benchmarks.md');
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) child.kill('SIGTERM');
  });
