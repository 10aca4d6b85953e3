import { ensureFirstAdmin, type FirstAdminDeps } from './first-admin.js';

const newDeps = (config: Partial<FirstAdminDeps['config']>, exists = false) => {
  const created: { email: string; password: string }[] = [];
  const deps: FirstAdminDeps = {
    config: { DEMO_ADMIN_PASSWORD: 'Demo-Admin-2026!', ...config },
    platformAdminExists: () => Promise.resolve(exists),
    createPlatformAdmin: (email, password) => {
      created.push({ email, password });
      return Promise.resolve();
    },
  };
  return { deps, created };
};

describe('the first platform admin', () => {
  it('is created once, while no platform admin exists', async () => {
    const config = {
      BOOTSTRAP_ADMIN_EMAIL: 'ops@edu.example',
      BOOTSTRAP_ADMIN_PASSWORD: 'Long-Secret-2027',
    };
    const fresh = newDeps(config);
    await expect(ensureFirstAdmin(fresh.deps)).resolves.toBe('created');
    expect(fresh.created).toEqual([{ email: 'ops@edu.example', password: 'Long-Secret-2027' }]);
    const later = newDeps(config, true);
    await expect(ensureFirstAdmin(later.deps)).resolves.toBe('exists');
    expect(later.created).toEqual([]);
  });

  it('does nothing when not asked, and refuses half a setting, a weak or the demo password', async () => {
    await expect(ensureFirstAdmin(newDeps({}).deps)).resolves.toBe('off');
    await expect(
      ensureFirstAdmin(newDeps({ BOOTSTRAP_ADMIN_EMAIL: 'ops@edu.example' }).deps),
    ).rejects.toThrow(/both/);
    const weak = { BOOTSTRAP_ADMIN_EMAIL: 'ops@edu.example', BOOTSTRAP_ADMIN_PASSWORD: 'short1' };
    await expect(ensureFirstAdmin(newDeps(weak).deps)).rejects.toThrow(/10 to 200/);
    const demo = {
      BOOTSTRAP_ADMIN_EMAIL: 'ops@edu.example',
      BOOTSTRAP_ADMIN_PASSWORD: 'Demo-Admin-2026!',
    };
    await expect(ensureFirstAdmin(newDeps(demo).deps)).rejects.toThrow(/demo password/);
  });
});
