import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { QuotasConfig } from './config.js';
import { startQuotas } from './quotas.bootstrap.js';

const app = await startQuotas(loadConfig(QuotasConfig));
app.enableShutdownHooks();
