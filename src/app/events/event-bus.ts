// Real-time fan-out port (DESIGN convention 3): the local bus serves one process; the Redis bus
// (redis-bus.ts) delivers between several `dxe serve` processes. Both pass one contract test.
// Events are the typed union of core/contract/events.ts. Use cases do not publish directly: they
// emit inside their transaction and app/events/outbox.ts publishes after commit.
import { EventEmitter } from 'node:events';
import type { DomainEvent } from '../../core/contract/events.js';

export type { DomainEvent };
/** Kept as a name for the transport's unit; it is the domain event union. */
export type BusEvent = DomainEvent;

export interface EventBus {
  /**
   * True when publishing crosses a network (Redis) and can fail: events then go through the
   * durable outbox table so none is lost to an outage. The in-process bus cannot fail.
   */
  readonly remote: boolean;
  publish(event: DomainEvent): Promise<void>;
  /** Publishes several events in order in one call (one network round trip), when the bus can. */
  publishMany?(events: DomainEvent[]): Promise<void>;
  subscribe(listener: (event: DomainEvent) => void): () => void;
  close(): Promise<void>;
}

export function createLocalBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    remote: false,
    async publish(event) {
      emitter.emit('event', event);
    },
    subscribe(listener) {
      const safe = (event: DomainEvent) => {
        try {
          listener(event);
        } catch {
          // One failing listener must not keep the event from the others or fail the publisher.
        }
      };
      emitter.on('event', safe);
      return () => emitter.off('event', safe);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
