import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { DevSecrets, type BaseConfig } from '@app/config';
import { loadMasterKey } from '@app/sensitive-data';

/** Marks a sealed payload; the version lets the layout or the keys change later. */
const PREFIX = 'spx1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A service's request/reply key, derived from the master key: no service key reveals another. */
export function deriveServiceKey(masterKey: Buffer, service: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', masterKey, Buffer.alloc(0), `studentpass/rpc/${service}`, 32),
  );
}

/**
 * Seals the payloads of requests and replies between the gateway and a service (AES-256-GCM,
 * one key per service, a random IV each time), so that nobody who can read the broker's topics
 * or disks reads a password, a national id, a hardship category or the answer of an audited
 * read. Additional data binds each ciphertext to its place (`req|<command>|<correlation id>`,
 * `rep|<correlation id>`): a sealed request cannot be replayed as another command and a reply
 * cannot answer another request. Sealed text is ASCII (`spx1.<iv>.<body+tag>`, base64url), so it
 * travels in message values and headers as they are. The gateway holds the master key and
 * derives every service's key; a service holds only its own.
 */
export class PayloadCipher {
  private readonly keys = new Map<string, Buffer>();

  private constructor(
    private readonly masterKey: Buffer | null,
    own?: { service: string; key: Buffer },
  ) {
    if (own) this.keys.set(own.service, own.key);
  }

  /** The gateway's: every service's key, derived from the master key. */
  static fromMasterKey(masterKey: Buffer): PayloadCipher {
    return new PayloadCipher(masterKey);
  }

  /** A service's: its own key only. */
  static forService(service: string, serviceKey: Buffer): PayloadCipher {
    return new PayloadCipher(null, { service, key: serviceKey });
  }

  seal(service: string, additionalData: string, plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keyOf(service), iv);
    cipher.setAAD(Buffer.from(additionalData, 'utf8'));
    const body = Buffer.concat([
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return `${PREFIX}${iv.toString('base64url')}.${body.toString('base64url')}`;
  }

  /** Throws on a payload that is not sealed, tampered with, sealed for another place or key. */
  open(service: string, additionalData: string, sealed: string): string {
    if (!sealed.startsWith(PREFIX)) throw new Error('The payload is not sealed');
    const [ivText, bodyText] = sealed.slice(PREFIX.length).split('.');
    const iv = Buffer.from(ivText ?? '', 'base64url');
    const body = Buffer.from(bodyText ?? '', 'base64url');
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES)
      throw new Error('Malformed sealed payload');
    const decipher = createDecipheriv('aes-256-gcm', this.keyOf(service), iv);
    decipher.setAAD(Buffer.from(additionalData, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const text = decipher.update(body.subarray(0, body.length - TAG_BYTES));
    return Buffer.concat([text, decipher.final()]).toString('utf8');
  }

  private keyOf(service: string): Buffer {
    let key = this.keys.get(service);
    if (!key) {
      if (!this.masterKey) throw new Error(`No payload key for ${service}`);
      key = deriveServiceKey(this.masterKey, service);
      this.keys.set(service, key);
    }
    return key;
  }
}

/** Additional data of a request, a reply and an error reply (see PayloadCipher). */
export const sealedPlace = {
  request: (command: string, correlationId: string) => `req|${command}|${correlationId}`,
  reply: (correlationId: string) => `rep|${correlationId}`,
  error: (correlationId: string) => `err|${correlationId}`,
};

const MASTER = { envName: 'RPC_MASTER_KEY', developmentKey: DevSecrets.rpcMasterKey };

/** The gateway's cipher: RPC_MASTER_KEY (the development key on a laptop; refused in production). */
export function gatewayPayloadCipher(
  config: BaseConfig,
  nodeEnv = process.env.NODE_ENV,
): PayloadCipher {
  return PayloadCipher.fromMasterKey(loadMasterKey(MASTER, config.RPC_MASTER_KEY, nodeEnv));
}

/**
 * A service's cipher: RPC_SERVICE_KEY (its own key, as `npm run rpc-keys` derives it from the
 * master key), else derived from RPC_MASTER_KEY, else from the development master key (refused
 * in production).
 */
export function servicePayloadCipher(
  service: string,
  config: BaseConfig,
  nodeEnv = process.env.NODE_ENV,
): PayloadCipher {
  const own = config.RPC_SERVICE_KEY?.trim();
  const key = own
    ? loadMasterKey({ envName: 'RPC_SERVICE_KEY', developmentKey: '' }, own, nodeEnv)
    : deriveServiceKey(loadMasterKey(MASTER, config.RPC_MASTER_KEY, nodeEnv), service);
  return PayloadCipher.forService(service, key);
}
