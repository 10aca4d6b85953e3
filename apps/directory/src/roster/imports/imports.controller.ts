import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AbortRosterImportCommand,
  AppendRosterImportChunkCommand,
  CommitRosterImportCommand,
  GetRosterImportQuery,
  StartRosterImportCommand,
  Topics,
  type RosterImportJobView,
  type RosterImportStarted,
} from '@app/contracts';
import { ImportsService } from './imports.service.js';

@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @MessagePattern(Topics.roster.startImport)
  start(@Payload() command: StartRosterImportCommand): Promise<RosterImportStarted> {
    return this.imports.start(command);
  }

  @MessagePattern(Topics.roster.appendImportChunk)
  appendChunk(
    @Payload() command: AppendRosterImportChunkCommand,
  ): Promise<{ jobId: string; index: number; bytes: number }> {
    return this.imports.appendChunk(command);
  }

  @MessagePattern(Topics.roster.commitImport)
  commit(@Payload() command: CommitRosterImportCommand): Promise<RosterImportJobView> {
    return this.imports.commit(command);
  }

  @MessagePattern(Topics.roster.abortImport)
  abort(
    @Payload() command: AbortRosterImportCommand,
  ): Promise<{ jobId: string; status: 'failed' }> {
    return this.imports.abort(command);
  }

  @MessagePattern(Topics.roster.getImport)
  get(@Payload() query: GetRosterImportQuery): Promise<RosterImportJobView> {
    return this.imports.get(query);
  }
}
