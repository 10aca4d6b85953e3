import { Global, Module, type DynamicModule } from '@nestjs/common';
import { kafkaOf } from '@app/config';
import { OutboxModule } from '@app/messaging';
import { DirectoryConfig, SERVICE_NAME } from './config.js';

/** What every feature of the directory may inject: its config and the event outbox. */
@Global()
@Module({})
export class DirectoryCoreModule {
  static register(config: DirectoryConfig): DynamicModule {
    return {
      module: DirectoryCoreModule,
      imports: [
        OutboxModule.register({ service: SERVICE_NAME, kafka: kafkaOf(config, SERVICE_NAME) }),
      ],
      providers: [{ provide: DirectoryConfig, useValue: config }],
      exports: [DirectoryConfig],
    };
  }
}
