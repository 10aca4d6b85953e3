/** Request topics of the employment-aid service (宏志助航). */
export const EmploymentAidRequestTopics = {
  ping: 'employment-aid.health.ping',
  registerGraduate: 'employment-aid.graduates.register',
  getGraduate: 'employment-aid.graduates.get',
  listGraduates: 'employment-aid.graduates.list',
  readGraduateSensitive: 'employment-aid.graduates.sensitive',
  createMentor: 'employment-aid.mentors.create',
  getMentor: 'employment-aid.mentors.get',
  listMentors: 'employment-aid.mentors.list',
  updateMentor: 'employment-aid.mentors.update',
  assignMentor: 'employment-aid.assignments.assign',
  assignmentHistory: 'employment-aid.assignments.history',
  suggestMentors: 'employment-aid.assignments.suggest',
  addGoal: 'employment-aid.plans.goals.add',
  updateGoal: 'employment-aid.plans.goals.update',
  addReferral: 'employment-aid.plans.referrals.add',
  updateReferral: 'employment-aid.plans.referrals.update',
  getPlan: 'employment-aid.plans.get',
  logSession: 'employment-aid.sessions.log',
  editSession: 'employment-aid.sessions.edit',
  listSessions: 'employment-aid.sessions.list',
  listAlerts: 'employment-aid.alerts.list',
  alertDigest: 'employment-aid.alerts.digest',
  recordOutcome: 'employment-aid.outcomes.record',
  verifyOutcome: 'employment-aid.outcomes.verify',
  listOutcomes: 'employment-aid.outcomes.list',
  createPosting: 'employment-aid.postings.create',
  reviewPosting: 'employment-aid.postings.review',
  getPosting: 'employment-aid.postings.get',
  listPostings: 'employment-aid.postings.list',
  referToPosting: 'employment-aid.postings.refer',
  createTraining: 'employment-aid.trainings.create',
  getTraining: 'employment-aid.trainings.get',
  enrolInTraining: 'employment-aid.trainings.enrol',
  recordAttendance: 'employment-aid.trainings.attendance',
  centreReport: 'employment-aid.reports.centre',
  bureauReport: 'employment-aid.reports.bureau',
} as const;

/** Event topics the employment-aid service publishes; never carry a difficulty category. */
export const EmploymentAidEventTopics = {
  outcomeRecorded: 'employment-aid.outcome.recorded.v1',
  outcomeVerified: 'employment-aid.outcome.verified.v1',
} as const;

export const EmploymentAidDeadLetterTopic = 'employment-aid.dead-letters';
