import kafkajs, {
  type AclEntry,
  type AclOperationTypes as Operation,
  type AclResourceTypes as ResourceType,
  type Kafka,
} from 'kafkajs';
import { SERVICE_COMMANDS, Topics, replyTopicOf, requestTopicOf } from '@app/contracts';

const { AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } = kafkajs;

/** The gateway's principal; each service's principal is its own name (`venues`). */
export const GATEWAY_PRINCIPAL = 'gateway';

type Grant = Pick<AclEntry, 'resourceType' | 'resourceName' | 'resourcePatternType'> & {
  operations: Operation[];
};

const read = [AclOperationTypes.READ, AclOperationTypes.DESCRIBE];
const write = [AclOperationTypes.WRITE, AclOperationTypes.DESCRIBE];

const topic = (name: string, operations: Operation[]): Grant => ({
  resourceType: AclResourceTypes.TOPIC,
  resourceName: name,
  resourcePatternType: ResourcePatternTypes.LITERAL,
  operations,
});
const prefixed = (resourceType: ResourceType, prefix: string, operations: Operation[]): Grant => ({
  resourceType,
  resourceName: prefix,
  resourcePatternType: ResourcePatternTypes.PREFIXED,
  operations,
});

/**
 * What each principal may do on the broker. A service reads its own request topic and
 * writes its replies, events and dead letters (every topic it owns starts with its name),
 * and reads the event topics of the others: events carry facts meant for sharing and no
 * secrets. The gateway writes requests and reads replies. Nobody but the service itself
 * reads a request topic, and nobody but the gateway reads replies: the commands and the
 * answers of sensitive reads stay between the two (and are sealed besides, `PayloadCipher`).
 * Consumer groups are the principal's name or start with it (`quotas.events`,
 * `quotas-roster`, `gateway.revocations.<id>`). Scripts and tests use `admin`, the super user.
 */
export function kafkaAcls(): { principal: string; grants: Grant[] }[] {
  const events = Object.values(Topics.events).map((name) => topic(name, read));
  const services = SERVICE_COMMANDS.map(({ service }) => ({
    principal: service,
    grants: [
      prefixed(AclResourceTypes.TOPIC, `${service}.`, [AclOperationTypes.READ, ...write]),
      ...events,
      prefixed(AclResourceTypes.GROUP, service, read),
    ],
  }));
  const gateway = {
    principal: GATEWAY_PRINCIPAL,
    grants: [
      ...SERVICE_COMMANDS.flatMap(({ service }) => [
        topic(requestTopicOf(service), write),
        topic(replyTopicOf(service), read),
      ]),
      ...events,
      prefixed(AclResourceTypes.GROUP, GATEWAY_PRINCIPAL, read),
    ],
  };
  return [gateway, ...services];
}

/** Creates the ACLs of `kafkaAcls` (creating one that exists changes nothing). */
export async function ensureAcls(kafka: Kafka): Promise<number> {
  const acl: AclEntry[] = kafkaAcls().flatMap(({ principal, grants }) =>
    grants.flatMap(({ operations, ...resource }) =>
      operations.map((operation) => ({
        ...resource,
        principal: `User:${principal}`,
        host: '*',
        operation,
        permissionType: AclPermissionTypes.ALLOW,
      })),
    ),
  );
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createAcls({ acl });
    return acl.length;
  } finally {
    await admin.disconnect();
  }
}
