import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Bookings that hold their students' days (the states a student's day is taken in). */
const ACTIVE = ['awaiting_approval', 'submitted', 'confirmed', 'completed'];

const daysOf = (from: string, until: string): string[] => {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${until}T00:00:00Z`);) {
    days.push(d.toISOString().slice(0, 10));
    d = new Date(d.getTime() + 86_400_000);
  }
  return days;
};

/**
 * Issue 21 / 12: `st_accounts`, the directory's accounts (role, organisation) from
 * `directory.account.created.v1`, to check principals and teachers; `st_student_days`, one
 * row per student and day an active booking covers, whose primary key keeps a student in one
 * active booking a day under any concurrency. Existing active bookings are copied in, oldest
 * first; a student already booked twice on a day keeps the older booking's row.
 */
export class SafeTourBookings1765100000000 implements MigrationInterface {
  name = 'SafeTourBookings1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE st_accounts (
      id CHAR(36) NOT NULL,
      role VARCHAR(40) NOT NULL,
      organisation_id CHAR(36) NULL,
      PRIMARY KEY (id),
      KEY ix_st_accounts_org (organisation_id, role)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE st_student_days (
      student_id CHAR(36) NOT NULL,
      local_date DATE NOT NULL,
      booking_id CHAR(36) NOT NULL,
      PRIMARY KEY (student_id, local_date),
      KEY ix_st_student_days_booking (booking_id)
    ) ${TABLE}`);
    type Row = { id: string; students: string; local_date: string; end_date: string };
    const bookings: Row[] = (await q.query(
      `SELECT id, students, DATE_FORMAT(local_date, '%Y-%m-%d') AS local_date,
                DATE_FORMAT(end_date, '%Y-%m-%d') AS end_date
           FROM st_bookings WHERE status IN (?) ORDER BY created_at, id`,
      [ACTIVE],
    )) as Row[];
    for (const b of bookings) {
      const students = (JSON.parse(b.students) as { id: string }[]).map((s) => s.id);
      const rows = students.flatMap((id) =>
        daysOf(b.local_date, b.end_date).map((d) => [id, d, b.id]),
      );
      if (rows.length > 0)
        await q.query(
          'INSERT IGNORE INTO st_student_days (student_id, local_date, booking_id) VALUES ?',
          [rows],
        );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE st_student_days');
    await q.query('DROP TABLE st_accounts');
  }
}
