import type { GroupVisitFields } from '@app/contracts';
import { AppError } from '@app/errors';

/**
 * A group's students (lower case: roster ids, the same id in two cases would count one student
 * twice) and the places it takes, or `400 VALIDATION_FAILED`. For group requests and the
 * group waiting list alike.
 */
export function groupPartyOf<T extends GroupVisitFields>(
  request: T,
): { command: T; places: number } {
  const studentIds = request.studentIds.map((id) => id.toLowerCase());
  if (new Set(studentIds).size !== studentIds.length) {
    throw new AppError('VALIDATION_FAILED', 'invalid', 'A student is listed twice', {
      fields: [{ field: 'studentIds', errors: ['must list each student once'] }],
    });
  }
  const places = studentIds.length + request.teacherCount;
  if (places < 1) {
    throw new AppError(
      'VALIDATION_FAILED',
      'invalid',
      'A group visit needs at least one student or teacher',
      {
        fields: [{ field: 'studentIds', errors: ['list at least one student, or give teachers'] }],
      },
    );
  }
  return { command: { ...request, studentIds }, places };
}
