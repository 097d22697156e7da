// Real-time fan-out port (DESIGN convention 3): the local bus serves one process; the Redis bus
// (src/app/events/redis-bus.ts) delivers between several `dxe serve` processes. Both pass one contract test.
import { EventEmitter } from 'node:events';

export interface BusEvent {
  type: string;
  shopId: string;
  data: unknown;
}

export interface EventBus {
  publish(event: BusEvent): Promise<void>;
  subscribe(listener: (event: BusEvent) => void): () => void;
  close(): Promise<void>;
}

export function createLocalBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(event) {
      emitter.emit('event', event);
    },
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
