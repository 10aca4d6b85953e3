import { Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Actor } from '@app/contracts';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { seedCalendarDemo } from '../calendar/calendar.seed.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { DirectoryConfig } from '../config.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { ClassesService } from '../roster/classes/classes.service.js';
import { RosterModule } from '../roster/roster.module.js';
import { StudentsRepository } from '../roster/students/students.repository.js';
import { StudentsService } from '../roster/students/students.service.js';
import { seedRosterDemo } from '../roster/roster.seed.js';
import { FirstAdmin } from './first-admin.js';
import { seedDemo } from './seed.js';

const DEMO_STUDENT = { email: 'student@studentpass.local', studentNumber: 'LX2026301' };

class DemoSeed implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    @Inject(DirectoryConfig) private readonly config: DirectoryConfig,
    private readonly accounts: AccountsService,
    private readonly accountsRepository: AccountsRepository,
    private readonly organisations: OrganisationsService,
    private readonly organisationsRepository: OrganisationsRepository,
    private readonly calendar: CalendarService,
    private readonly classes: ClassesService,
    private readonly students: StudentsService,
    private readonly studentsRepository: StudentsRepository,
  ) {}

  /** With SEED_DEMO=true: organisations and accounts, the calendar, and a class roster. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SEED_DEMO) return;
    await seedDemo({
      config: this.config,
      accounts: this.accounts,
      accountsRepository: this.accountsRepository,
      organisations: this.organisations,
      organisationsRepository: this.organisationsRepository,
    });
    const admin = await this.accountsRepository.findByEmail(this.config.DEMO_ADMIN_EMAIL);
    const teacher = await this.accountsRepository.findByEmail('teacher@studentpass.local');
    if (!admin || !teacher?.organisationId) return;
    const platformAdmin: Actor = {
      accountId: admin.id,
      role: 'platform_admin',
      organisationId: null,
    };
    await seedCalendarDemo(this.calendar, platformAdmin);
    const schoolStaff: Actor = {
      accountId: teacher.id,
      role: 'school_staff',
      organisationId: teacher.organisationId,
    };
    await seedRosterDemo(this.classes, this.students, schoolStaff);
    await this.linkDemoStudent(teacher.organisationId);
    this.logger.log({ msg: 'demo data ready' });
  }

  /** student@ is 张小明 of the demo roster, so bookings and quotas know which student it is. */
  private async linkDemoStudent(schoolId: string): Promise<void> {
    const account = await this.accountsRepository.findByEmail(DEMO_STUDENT.email);
    const [students] = await this.studentsRepository.list(
      { schoolId, studentNumber: DEMO_STUDENT.studentNumber },
      1,
      1,
    );
    if (account && students[0]) await this.accounts.linkStudent(account.id, students[0].id);
  }
}

/**
 * Demo data for a newcomer (README "Demo data"; only with SEED_DEMO=true), and the first
 * platform admin of a suite without demo data (BOOTSTRAP_ADMIN_*).
 */
@Module({
  imports: [OrganisationsModule, AccountsModule, CalendarModule, RosterModule],
  providers: [DemoSeed, FirstAdmin],
})
export class DemoSeedModule {}
