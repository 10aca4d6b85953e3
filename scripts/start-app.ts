/**
 * One entry point for the container image: `node dist/scripts/start-app.js <app>` or APP=<app>.
 * `prepare` creates the topics and databases and runs the migrations, then exits.
 */
import 'reflect-metadata';
import { BaseConfig, isCommittedSecret, kafkaOf, loadConfig } from '@app/config';
import { prepareInfrastructure, servicePassword } from './prepare.js';
import { GATEWAY, SERVICES } from './services.js';

const app = process.argv[2] ?? process.env.APP;
const apps = [...SERVICES.map((s) => s.name), GATEWAY.name];

if (app === 'prepare') {
  const config = loadConfig(BaseConfig);
  const weak = SERVICES.filter((s) => isCommittedSecret(servicePassword(s.name)));
  if (process.env.NODE_ENV === 'production' && weak.length > 0) {
    const names = weak.map((s) => `DB_PASSWORD_${s.name.toUpperCase().replace(/-/g, '_')}`);
    throw new Error(`prepare: set ${names.join(', ')} (each service's own MySQL password)`);
  }
  const report = await prepareInfrastructure(
    { kafka: kafkaOf(config, 'admin'), MYSQL_URL: config.MYSQL_URL, DB_PREFIX: config.DB_PREFIX },
    (step) => console.log(`prepare: ${step}`),
  );
  console.log(`prepare: done ${JSON.stringify(report)}`);
} else if (app && apps.includes(app)) {
  const main = app === GATEWAY.name ? GATEWAY.main : SERVICES.find((s) => s.name === app)!.main;
  await import(new URL(`../../${main}`, import.meta.url).href);
} else {
  console.error(`Usage: start-app <${['prepare', ...apps].join('|')}> (or APP=...)`);
  process.exit(2);
}
