import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { ScreeningsConfig } from './config.js';
import { startScreenings } from './screenings.bootstrap.js';

const app = await startScreenings(loadConfig(ScreeningsConfig));
app.enableShutdownHooks();
