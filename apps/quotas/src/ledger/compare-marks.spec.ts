import { compareMarks } from './ledger.service.js';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const c = '00000000-0000-4000-8000-00000000000c';

describe('compareMarks', () => {
  it('lists the students whose films or marks differ, a missing side counting as zero', () => {
    const differences = compareMarks(
      [
        { studentId: a, distinctFilms: 2, presentMarks: 3 },
        { studentId: b, distinctFilms: 1, presentMarks: 1 },
      ],
      [
        { studentId: a, distinctFilms: 2, presentMarks: 3 },
        { studentId: b, distinctFilms: 2, presentMarks: 2 },
        { studentId: c, distinctFilms: 0, presentMarks: 0 },
      ],
    );
    expect(differences).toEqual([
      {
        studentId: b,
        ledger: { distinctFilms: 1, presentMarks: 1 },
        screenings: { distinctFilms: 2, presentMarks: 2 },
      },
    ]);
  });
});
