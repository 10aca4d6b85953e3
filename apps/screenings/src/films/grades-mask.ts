/** Grades 1–12 as a bit mask (bit n for grade n), so a query can ask for one grade. */
export function gradesMaskOf(grades: number[]): number {
  return grades.reduce((mask, grade) => mask | (1 << grade), 0);
}

export function gradesOfMask(mask: number): number[] {
  return Array.from({ length: 12 }, (_, i) => i + 1).filter((grade) => (mask & (1 << grade)) !== 0);
}
