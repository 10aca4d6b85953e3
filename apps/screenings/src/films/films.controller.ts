import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateFilmCommand,
  FilmApprovalCommand,
  FilmQuery,
  ListApprovedFilmsQuery,
  ListFilmsQuery,
  Topics,
  type ApprovedFilmView,
  type FilmApprovalView,
  type FilmView,
  type Page,
} from '@app/contracts';
import { FilmsService } from './films.service.js';

@Controller()
export class FilmsController {
  constructor(private readonly films: FilmsService) {}

  @MessagePattern(Topics.screenings.createFilm)
  createFilm(@Payload() command: CreateFilmCommand): Promise<FilmView> {
    return this.films.createFilm(command);
  }

  @MessagePattern(Topics.screenings.listFilms)
  listFilms(@Payload() query: ListFilmsQuery): Promise<Page<FilmView>> {
    return this.films.listFilms(query);
  }

  @MessagePattern(Topics.screenings.getFilm)
  getFilm(@Payload() query: FilmQuery): Promise<FilmView> {
    return this.films.getFilm(query);
  }

  @MessagePattern(Topics.screenings.approveFilm)
  approveFilm(@Payload() command: FilmApprovalCommand): Promise<FilmApprovalView> {
    return this.films.approveFilm(command);
  }

  @MessagePattern(Topics.screenings.withdrawApproval)
  withdrawApproval(@Payload() command: FilmApprovalCommand): Promise<{ withdrawn: boolean }> {
    return this.films.withdrawApproval(command);
  }

  @MessagePattern(Topics.screenings.listApprovedFilms)
  listApprovedFilms(@Payload() query: ListApprovedFilmsQuery): Promise<Page<ApprovedFilmView>> {
    return this.films.listApprovedFilms(query);
  }
}
