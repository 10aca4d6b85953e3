import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { EmploymentAidConfig } from './config.js';
import { startEmploymentAid } from './employment-aid.bootstrap.js';

const app = await startEmploymentAid(loadConfig(EmploymentAidConfig));
app.enableShutdownHooks();
