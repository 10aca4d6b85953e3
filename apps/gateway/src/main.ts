import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { GatewayConfig } from './config.js';
import { startGateway } from './gateway.bootstrap.js';

const app = await startGateway(loadConfig(GatewayConfig));
app.enableShutdownHooks();
