import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { VenuesConfig } from './config.js';
import { startVenues } from './venues.bootstrap.js';

const app = await startVenues(loadConfig(VenuesConfig));
app.enableShutdownHooks();
