/**
 * `npm run openapi:coverage` (after the e2e tests): which operations of the OpenAPI document
 * had a success response checked against its documented schema by the e2e suite (the
 * harness's response-shape check writes what it saw to test-results/openapi-coverage/).
 * `--require` fails when any operation was not checked (CI).
 */
import { readdirSync, readFileSync } from 'node:fs';

const DIR = 'test-results/openapi-coverage';
const document = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
};
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.keys(item)
    .filter((method) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
    .map((method) => `${method.toUpperCase()} ${path}`),
);
const checked = new Set<string>();
const succeeded = new Set<string>();
let files: string[] = [];
try {
  files = readdirSync(DIR).filter((file) => file.endsWith('.json'));
} catch {
  // no e2e run yet
}
for (const file of files) {
  const report = JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as {
    checked: Record<string, number[]>;
    succeeded?: string[];
  };
  for (const operation of Object.keys(report.checked)) checked.add(operation);
  for (const operation of report.succeeded ?? []) succeeded.add(operation);
}
const missing = operations.filter((operation) => !checked.has(operation));
console.log(
  `openapi coverage: ${operations.length - missing.length} of ${operations.length} operations had a success response checked against the document (${files.length} test files)`,
);
for (const operation of missing) {
  const why = succeeded.has(operation) ? 'answered, body off its schema' : 'no test got a success';
  console.log(`  not checked: ${operation} (${why})`);
}
if (process.argv.includes('--require') && missing.length > 0) process.exit(1);
