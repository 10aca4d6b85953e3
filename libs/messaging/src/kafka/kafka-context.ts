import { BaseRpcContext } from '@nestjs/microservices';
import type { IncomingMessage, MessageProducer } from './client/kafka-client.js';

/**
 * What a handler of our Kafka transport sees of the message it handles (`@Ctx()`, or
 * `switchToRpc().getContext()` in an interceptor), and the producer to send dead letters with.
 */
export class KafkaMessageContext extends BaseRpcContext<[IncomingMessage, MessageProducer]> {
  getMessage(): IncomingMessage {
    return this.args[0];
  }

  getTopic(): string {
    return this.args[0].topic;
  }

  getPartition(): number {
    return this.args[0].partition;
  }

  header(name: string): string | undefined {
    return this.args[0].headers[name];
  }

  getProducer(): MessageProducer {
    return this.args[1];
  }
}
