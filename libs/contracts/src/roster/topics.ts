/** Request topics of the roster feature (directory service): classes, students and imports. */
export const RosterRequestTopics = {
  createClass: 'directory.roster.classes.create',
  getClass: 'directory.roster.classes.get',
  listClasses: 'directory.roster.classes.list',
  renameClass: 'directory.roster.classes.rename',
  deleteClass: 'directory.roster.classes.delete',
  enrolStudent: 'directory.roster.students.enrol',
  getStudent: 'directory.roster.students.get',
  listStudents: 'directory.roster.students.list',
  moveStudent: 'directory.roster.students.move',
  transferStudent: 'directory.roster.students.transfer',
  withdrawStudent: 'directory.roster.students.withdraw',
  studentHistory: 'directory.roster.students.history',
  readStudentSensitive: 'directory.roster.students.sensitive',
  startImport: 'directory.roster.imports.start',
  appendImportChunk: 'directory.roster.imports.chunk',
  commitImport: 'directory.roster.imports.commit',
  abortImport: 'directory.roster.imports.abort',
  getImport: 'directory.roster.imports.get',
} as const;

/**
 * Event topics of the roster feature, keyed by student id, so that venues, screenings,
 * study tours and quotas can keep local read models of who is in which class.
 */
export const RosterEventTopics = {
  studentEnrolled: 'directory.student.enrolled.v1',
  studentMoved: 'directory.student.moved.v1',
  studentTransferred: 'directory.student.transferred.v1',
  studentWithdrawn: 'directory.student.withdrawn.v1',
} as const;
