/**
 * `npm run rpc-keys`: each service's own request/reply key, derived from the gateway's master
 * key (RPC_MASTER_KEY, base64 of 32 bytes), for deployments that give each service only its
 * own key (RPC_SERVICE_KEY). Without RPC_MASTER_KEY it makes a new master key first.
 */
import { randomBytes } from 'node:crypto';
import { SERVICE_COMMANDS } from '@app/contracts';
import { deriveServiceKey } from '@app/messaging';

const given = process.env.RPC_MASTER_KEY?.trim();
if (given && Buffer.from(given, 'base64').length !== 32) {
  console.error('RPC_MASTER_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  process.exit(2);
}
const master = given ? Buffer.from(given, 'base64') : randomBytes(32);
if (!given) console.log(`RPC_MASTER_KEY=${master.toString('base64')}`);
for (const { service } of SERVICE_COMMANDS) {
  const name = `RPC_SERVICE_KEY_${service.toUpperCase().replace(/-/g, '_')}`;
  console.log(`${name}=${deriveServiceKey(master, service).toString('base64')}`);
}
