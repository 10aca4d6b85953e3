import { Module } from '@nestjs/common';
import { CentreController } from './centre.controller.js';
import { GraduatesController } from './graduates.controller.js';
import { MyAidController } from './me.controller.js';
import { PostingsController } from './postings.controller.js';
import { SupportController } from './support.controller.js';

/** HTTP routes of the employment-aid service (宏志助航). */
@Module({
  controllers: [
    GraduatesController,
    SupportController,
    CentreController,
    PostingsController,
    MyAidController,
  ],
})
export class EmploymentAidGatewayModule {}
