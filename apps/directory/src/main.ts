import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { DirectoryConfig } from './config.js';
import { startDirectory } from './directory.bootstrap.js';

const app = await startDirectory(loadConfig(DirectoryConfig));
app.enableShutdownHooks();
