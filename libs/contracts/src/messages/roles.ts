export const ROLES = [
  'platform_admin',
  'bureau_admin',
  'school_staff',
  'venue_staff',
  'career_centre_staff',
  'mentor',
  'student',
  'graduate',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that administer accounts and organisations inside their own subtree. */
export const ADMIN_ROLES: readonly Role[] = ['platform_admin', 'bureau_admin'];
