// Jest loads global setup outside its TypeScript module mapper, so this runs the build
// (`npm test` builds first): see scripts/test-infra.ts.
import 'reflect-metadata';

export default async function globalSetup() {
  const { prepareTestInfrastructure } = await import('../dist/scripts/test-infra.js');
  await prepareTestInfrastructure();
}
