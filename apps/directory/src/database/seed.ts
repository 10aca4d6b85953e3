import { Logger } from '@nestjs/common';
import type { Actor, CreateOrganisationCommand, OrganisationView, Role } from '@app/contracts';
import type { AccountsRepository } from '../accounts/accounts.repository.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { DirectoryConfig } from '../config.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import type { OrganisationsService } from '../organisations/organisations.service.js';

export interface SeedDeps {
  config: DirectoryConfig;
  accounts: AccountsService;
  accountsRepository: AccountsRepository;
  organisations: OrganisationsService;
  organisationsRepository: OrganisationsRepository;
}

/** Every demo account shares the demo admin's password, so one line in the README is enough. */
export const DEMO_ACCOUNTS: {
  email: string;
  displayName: string;
  role: Role;
  organisation: string;
}[] = [
  {
    email: 'province.admin@studentpass.local',
    displayName: '省教育厅管理员',
    role: 'bureau_admin',
    organisation: 'province',
  },
  {
    email: 'lixia.admin@studentpass.local',
    displayName: '历下区教育局管理员',
    role: 'bureau_admin',
    organisation: 'lixia',
  },
  {
    email: 'teacher@studentpass.local',
    displayName: '王老师',
    role: 'school_staff',
    organisation: 'school',
  },
  {
    email: 'museum@studentpass.local',
    displayName: '山东博物馆工作人员',
    role: 'venue_staff',
    organisation: 'museum',
  },
  {
    email: 'careers@studentpass.local',
    displayName: '就业指导中心老师',
    role: 'career_centre_staff',
    organisation: 'university',
  },
  {
    email: 'student@studentpass.local',
    displayName: '张小明',
    role: 'student',
    organisation: 'school',
  },
  {
    email: 'graduate@studentpass.local',
    displayName: '李明',
    role: 'graduate',
    organisation: 'university',
  },
];

/**
 * Demo data for a newcomer: a platform admin, the organisation tree of Shandong → Jinan →
 * Lixia and Licheng districts with a school, a venue and a university, and one account per
 * role. Safe to run at every start: the tree is made once, missing accounts are added.
 */
export async function seedDemo(deps: SeedDeps): Promise<void> {
  const { config } = deps;
  const logger = new Logger('Seed');
  let admin = await deps.accountsRepository.findByEmail(config.DEMO_ADMIN_EMAIL);
  if (!admin) {
    await deps.accounts.createAccount({
      email: config.DEMO_ADMIN_EMAIL,
      password: config.DEMO_ADMIN_PASSWORD,
      displayName: 'Demo platform admin',
      role: 'platform_admin',
      organisationId: null,
    });
    admin = await deps.accountsRepository.findByEmail(config.DEMO_ADMIN_EMAIL);
  }
  if (!admin) return;
  const [existing] = await deps.organisationsRepository.list({ kind: 'bureau' }, 1, 1);
  if (existing.length === 0) await seedOrganisations(deps, admin.id);
  await seedAccounts(deps);
  logger.log({ msg: 'demo organisations and accounts ready' });
}

/** The demo organisation names each demo account belongs to. */
const DEMO_ORGANISATIONS: Record<string, string> = {
  province: '山东省教育厅',
  lixia: '历下区教育和体育局',
  school: '济南市历下区第一实验小学',
  museum: '山东博物馆',
  university: '山东大学',
};

/** Adds the demo accounts that are missing (a later version may add new ones). */
async function seedAccounts(deps: SeedDeps): Promise<void> {
  const organisations = await deps.organisationsRepository.findByNames(
    Object.values(DEMO_ORGANISATIONS),
  );
  const idOf = (key: string) => organisations.find((o) => o.name === DEMO_ORGANISATIONS[key])?.id;
  for (const account of DEMO_ACCOUNTS) {
    const organisationId = idOf(account.organisation);
    if (!organisationId || (await deps.accountsRepository.findByEmail(account.email))) continue;
    await deps.accounts.createAccount({
      email: account.email,
      password: deps.config.DEMO_ADMIN_PASSWORD,
      displayName: account.displayName,
      role: account.role,
      organisationId,
    });
  }
}

async function seedOrganisations(deps: SeedDeps, adminId: string): Promise<void> {
  const actor: Actor = { accountId: adminId, role: 'platform_admin', organisationId: null };
  const create = (fields: Omit<CreateOrganisationCommand, 'actor'>): Promise<OrganisationView> =>
    deps.organisations.create({ ...fields, actor });
  const province = await create({
    kind: 'bureau',
    name: '山东省教育厅',
    parentId: null,
    regionCode: '370000',
    level: 'province',
  });
  const jinan = await create({
    kind: 'bureau',
    name: '济南市教育局',
    parentId: province.id,
    regionCode: '370100',
    level: 'city',
  });
  const lixia = await create({
    kind: 'bureau',
    name: '历下区教育和体育局',
    parentId: jinan.id,
    regionCode: '370102',
    level: 'county',
  });
  const licheng = await create({
    kind: 'bureau',
    name: '历城区教育和体育局',
    parentId: jinan.id,
    regionCode: '370112',
    level: 'county',
  });
  await create({
    kind: 'school',
    name: '济南市历下区第一实验小学',
    parentId: lixia.id,
    regionCode: '370102',
    stage: 'primary',
  });
  await create({
    kind: 'school',
    name: '济南市历城区第二中学',
    parentId: licheng.id,
    regionCode: '370112',
    stage: 'senior_secondary',
  });
  await create({
    kind: 'venue',
    name: '山东博物馆',
    parentId: lixia.id,
    regionCode: '370102',
    operator: '山东省文化和旅游厅',
  });
  await create({
    kind: 'university',
    name: '山东大学',
    parentId: province.id,
    regionCode: '370102',
    careerCentreName: '山东大学学生就业创业指导中心',
  });
}
