/**
 * `npm run bench:import` (node dist/scripts/bench-import.js after a build): imports a
 * generated roster CSV through the directory's own import code (ImportsService: chunks,
 * commit; ImportRunner and RosterImporter: batches of 500 upserts, history, outbox events)
 * against the real MySQL, and prints rows per second and peak memory. Kafka is only the
 * outbox relay's destination; the upload skips the gateway hop.
 *
 * It imports a file of BENCH_ROWS / 10 rows, then one of BENCH_ROWS (default 100,000), then
 * the big one again (every row unchanged), each into a fresh school, sampling
 * process.memoryUsage().rss every 20 ms: peaks that do not grow with the file show that
 * memory holds a chunk and a batch, not the file.
 *
 * Run with `node --expose-gc` to also see the live heap (what survives a full collection).
 *
 * Env: BENCH_ROWS (100000), BENCH_DB_PREFIX (studentpass_benchroster_), TEST_KAFKA_PORT (19092).
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  nationalIdCheckCharacter,
  RosterImportLimits,
  schoolYearOf,
  type Actor,
  type RosterImportJobView,
} from '@app/contracts';
import { loadConfig } from '@app/config';
import { createRootLogger, JsonLogger } from '@app/logging';
import { DirectoryConfig } from '../apps/directory/src/config.js';
import { DirectoryModule } from '../apps/directory/src/directory.module.js';
import { OrganisationsService } from '../apps/directory/src/organisations/organisations.service.js';
import { ClassesService } from '../apps/directory/src/roster/classes/classes.service.js';
import { ImportsService } from '../apps/directory/src/roster/imports/imports.service.js';
import { prepareInfrastructure } from './prepare.js';
import { testAppEnv, testEnv } from './test-infra.js';

const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const dbPrefix = process.env.BENCH_DB_PREFIX ?? 'studentpass_benchroster_';
const schoolYear = schoolYearOf(new Date());
const GRADES = 6;
const CLASSES_PER_GRADE = 10;
const platformAdmin: Actor = {
  accountId: randomUUID(),
  role: 'platform_admin',
  organisationId: null,
};

interface Figures {
  label: string;
  rows: number;
  fileMiB: number;
  uploadSeconds: number;
  importSeconds: number;
  rowsPerSecond: number;
  peakRssMiB: number;
  rssBeforeMiB: number;
  /** With --expose-gc: the most heap still in use right after a full collection. */
  liveHeapPeakMiB: number | null;
  counts: RosterImportJobView['counts'];
}

const mib = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Every row valid, every row with a distinct national ID (the most work per row). */
async function writeRoster(path: string, count: number): Promise<void> {
  const region = `37${String(1000 + Math.floor(Math.random() * 9000))}`;
  const firstDay = Date.UTC(1990, 0, 1) + Math.floor(Math.random() * 3000) * 86_400_000;
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r));
  await write('student_number,name,gender,date_of_birth,grade,class_name,national_id\n');
  let lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const grade = (i % GRADES) + 1;
    const day = new Date(firstDay + Math.floor(i / 1000) * 86_400_000).toISOString().slice(0, 10);
    const first17 = `${region}${day.replace(/-/g, '')}${String(i % 1000).padStart(3, '0')}`;
    lines.push(
      [
        `B${String(i).padStart(7, '0')}`,
        `学生${i}`,
        i % 2 ? '女' : '男',
        `${2019 - grade}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        grade,
        `${grade}年级${(i % CLASSES_PER_GRADE) + 1}班`,
        first17 + nationalIdCheckCharacter(first17),
      ].join(','),
    );
    if (lines.length === 1000) {
      await write(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length) await write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
}

async function newSchool(app: INestApplicationContext, parentId: string): Promise<Actor> {
  const school = await app.get(OrganisationsService).create({
    actor: platformAdmin,
    kind: 'school',
    name: `bench school ${randomUUID().slice(0, 8)}`,
    parentId,
    regionCode: '370102',
    stage: 'primary',
  });
  const staff: Actor = { accountId: randomUUID(), role: 'school_staff', organisationId: school.id };
  const classes = app.get(ClassesService);
  for (let grade = 1; grade <= GRADES; grade++) {
    for (let n = 1; n <= CLASSES_PER_GRADE; n++) {
      await classes.create({
        actor: staff,
        schoolId: school.id,
        schoolYear,
        grade,
        name: `${grade}年级${n}班`,
      });
    }
  }
  return staff;
}

async function importOnce(
  app: INestApplicationContext,
  label: string,
  staff: Actor,
  file: string,
  count: number,
): Promise<Figures> {
  const imports = app.get(ImportsService);
  const gc = typeof global.gc === 'function' ? global.gc : null;
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  let liveHeapPeak = 0;
  let samples = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
    // Every 500 ms, what survives a full collection: garbage not yet collected is not growth.
    if (gc && ++samples % 25 === 0) {
      gc();
      liveHeapPeak = Math.max(liveHeapPeak, process.memoryUsage().heapUsed);
    }
  }, 20);
  try {
    const uploadStarted = performance.now();
    const { jobId } = await imports.start({ actor: staff, schoolId: staff.organisationId! });
    let index = 0;
    let bytes = 0;
    const stream = createReadStream(file, { highWaterMark: RosterImportLimits.chunkBytes });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      await imports.appendChunk({
        actor: staff,
        jobId,
        index: index++,
        data: chunk.toString('base64'),
      });
      bytes += chunk.length;
    }
    await imports.commit({ actor: staff, jobId, chunkCount: index, byteLength: bytes });
    const uploadSeconds = (performance.now() - uploadStarted) / 1000;
    let job: RosterImportJobView;
    for (;;) {
      job = await imports.get({ actor: staff, jobId, page: 1, pageSize: 5 });
      if (job.status === 'done' || job.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (job.status === 'failed') throw new Error(`import failed: ${job.error}`);
    const importSeconds =
      (new Date(job.finishedAt!).getTime() - new Date(job.startedAt!).getTime()) / 1000;
    return {
      label,
      rows: count,
      fileMiB: mib(bytes),
      uploadSeconds: Math.round(uploadSeconds * 100) / 100,
      importSeconds: Math.round(importSeconds * 100) / 100,
      rowsPerSecond: Math.round(count / importSeconds),
      peakRssMiB: mib(peak),
      rssBeforeMiB: mib(rssBefore),
      liveHeapPeakMiB: gc ? mib(liveHeapPeak) : null,
      counts: job.counts,
    };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const kafkaScript = fileURLToPath(new URL('../../deploy/local/kafka.sh', import.meta.url));
  execFileSync('bash', [kafkaScript, 'start'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, KAFKA_PORT: String(testEnv.kafkaPort) },
  });
  const env = testAppEnv({ DB_PREFIX: dbPrefix, LOG_LEVEL: 'warn' });
  await prepareInfrastructure({
    kafka: testEnv.kafka,
    MYSQL_URL: env.MYSQL_URL,
    DB_PREFIX: dbPrefix,
  });
  const config = loadConfig(DirectoryConfig, env);
  const app = await NestFactory.createApplicationContext(DirectoryModule.register(config), {
    logger: new JsonLogger(createRootLogger('bench-import', 'warn')),
  });
  await app.init();
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-import-'));
  try {
    const province = await app.get(OrganisationsService).create({
      actor: platformAdmin,
      kind: 'bureau',
      level: 'province',
      name: 'bench province',
      parentId: null,
      regionCode: '370000',
    });
    const small = Math.max(1, Math.round(rows / 10));
    const smallFile = join(dir, 'small.csv');
    const bigFile = join(dir, 'big.csv');
    await writeRoster(smallFile, small);
    await writeRoster(bigFile, rows);
    console.log(
      `files: ${small} rows (${mib(statSync(smallFile).size)} MiB), ${rows} rows (${mib(statSync(bigFile).size)} MiB)`,
    );
    const figures: Figures[] = [];
    figures.push(
      await importOnce(app, 'first import', await newSchool(app, province.id), smallFile, small),
    );
    const staff = await newSchool(app, province.id);
    figures.push(await importOnce(app, 'first import', staff, bigFile, rows));
    figures.push(await importOnce(app, 'same file again', staff, bigFile, rows));

    console.log(
      `\nRun ${new Date().toISOString()} on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ` +
        `${mib(os.totalmem())} MiB, Node ${process.version}; MySQL/MariaDB and Kafka on this machine.\n`,
    );
    console.log(
      '| import | rows | file MiB | upload s | import s | rows/s | RSS before MiB | peak RSS MiB | live heap peak MiB | created | unchanged | rejected |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const f of figures) {
      console.log(
        `| ${f.label} | ${f.rows} | ${f.fileMiB} | ${f.uploadSeconds} | ${f.importSeconds} | **${f.rowsPerSecond}** | ${f.rssBeforeMiB} | ${f.peakRssMiB} | ${f.liveHeapPeakMiB ?? 'run with --expose-gc'} | ${f.counts.created} | ${f.counts.unchanged} | ${f.counts.rejected} |`,
      );
    }
    const [smallRun, bigRun] = figures;
    console.log(
      `\nPeak RSS with ${rows} rows minus with ${small}: ${Math.round((bigRun.peakRssMiB - smallRun.peakRssMiB) * 10) / 10} MiB ` +
        `(file ${Math.round((bigRun.fileMiB - smallRun.fileMiB) * 10) / 10} MiB bigger). Target: ≥ 5000 rows/s.`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  }
}

await main();
