import { Module } from '@nestjs/common';
import { ClassesController } from './classes.controller.js';
import { ImportsController } from './imports.controller.js';
import { RosterUploads } from './roster-uploads.js';
import { StudentsController } from './students.controller.js';

/** HTTP routes of classes, students and roster imports (directory service). */
@Module({
  controllers: [ClassesController, StudentsController, ImportsController],
  providers: [RosterUploads],
})
export class RosterGatewayModule {}
