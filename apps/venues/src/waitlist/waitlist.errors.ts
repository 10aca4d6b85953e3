import { AppError } from '@app/errors';

export const waitlistEntryNotFound = (entryId: string): AppError =>
  new AppError('WAITLIST_ENTRY_NOT_FOUND', 'not_found', 'No such waiting-list entry', { entryId });

export const slotNotFull = (slotId: string, placesLeft: number): AppError =>
  new AppError('SLOT_NOT_FULL', 'conflict', 'The slot has places left: book it directly', {
    slotId,
    placesLeft,
  });

export const alreadyOnWaitlist = (slotId: string): AppError =>
  new AppError(
    'ALREADY_ON_WAITLIST',
    'conflict',
    'You are already on the waiting list of this slot',
    {
      slotId,
    },
  );

export const offerNotOpen = (status: string): AppError =>
  new AppError('OFFER_NOT_OPEN', 'conflict', `The entry has no open offer (it is ${status})`, {
    status,
  });
