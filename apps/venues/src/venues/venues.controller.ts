import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddClosureCommand,
  CreateVenueCommand,
  GetVenueQuery,
  ListSlotsQuery,
  RemoveClosureCommand,
  SearchVenuesQuery,
  Topics,
  UpdateVenueCommand,
  type Page,
  type SlotView,
  type VenueSearchHit,
  type VenueView,
} from '@app/contracts';
import { VenuesService } from './venues.service.js';

@Controller()
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @MessagePattern(Topics.venues.createVenue)
  createVenue(@Payload() command: CreateVenueCommand): Promise<VenueView> {
    return this.venues.createVenue(command);
  }

  @MessagePattern(Topics.venues.updateVenue)
  updateVenue(@Payload() command: UpdateVenueCommand): Promise<VenueView> {
    return this.venues.updateVenue(command);
  }

  @MessagePattern(Topics.venues.getVenue)
  getVenue(@Payload() query: GetVenueQuery): Promise<VenueView> {
    return this.venues.getVenue(query);
  }

  @MessagePattern(Topics.venues.searchVenues)
  searchVenues(@Payload() query: SearchVenuesQuery): Promise<Page<VenueSearchHit>> {
    return this.venues.searchVenues(query);
  }

  @MessagePattern(Topics.venues.addClosure)
  addClosure(@Payload() command: AddClosureCommand): Promise<VenueView> {
    return this.venues.addClosure(command);
  }

  @MessagePattern(Topics.venues.removeClosure)
  removeClosure(@Payload() command: RemoveClosureCommand): Promise<VenueView> {
    return this.venues.removeClosure(command);
  }

  @MessagePattern(Topics.venues.listSlots)
  listSlots(@Payload() query: ListSlotsQuery): Promise<SlotView[]> {
    return this.venues.listSlots(query);
  }
}
