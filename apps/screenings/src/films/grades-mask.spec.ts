import { gradesMaskOf, gradesOfMask } from './grades-mask.js';

describe('grades mask', () => {
  it('keeps grades through the mask', () => {
    expect(gradesOfMask(gradesMaskOf([9, 1, 12]))).toEqual([1, 9, 12]);
  });
});
