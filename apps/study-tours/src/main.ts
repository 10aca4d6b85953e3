import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { StudyToursConfig } from './config.js';
import { startStudyTours } from './study-tours.bootstrap.js';

const app = await startStudyTours(loadConfig(StudyToursConfig));
app.enableShutdownHooks();
