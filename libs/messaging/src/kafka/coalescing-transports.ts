import { ClientKafka, ServerKafka } from '@nestjs/microservices';
import type { Producer } from 'kafkajs';
import { coalesceSends } from './coalescing-producer.js';

/** Nest's Kafka client whose requests share produce requests under load (see coalesceSends). */
export class CoalescingClientKafka extends ClientKafka {
  protected override registerProducerEventListeners(): void {
    super.registerProducerEventListeners();
    if (this._producer) this._producer = coalesceSends(this._producer);
  }
}

/** Nest's Kafka server whose replies share produce requests under load (see coalesceSends). */
export class CoalescingServerKafka extends ServerKafka {
  protected override registerProducerEventListeners(): void {
    super.registerProducerEventListeners();
    if (this.producer) this.producer = coalesceSends(this.producer satisfies Producer);
  }
}
