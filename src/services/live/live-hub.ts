/**
 * The signed-in consoles of this process waiting for live updates (issue 8 item 9), by user.
 * The database's NOTIFY (from any process) comes in through `deliver`; each subscriber the
 * signal concerns is told which event types happened.
 */
import { concerns, decodeLiveSignal } from './live-signal.js';

export interface LiveSubscriber {
  userId: string;
  send(types: readonly string[]): void;
  /** Ends the stream (server shutting down). */
  end(): void;
}

export class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>();

  subscribe(subscriber: LiveSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.subscribers.size;
  }

  deliver(payload: string): void {
    const signal = decodeLiveSignal(payload);
    if (!signal) return;
    for (const subscriber of this.subscribers) if (concerns(signal, subscriber.userId)) subscriber.send(signal.types);
  }

  endAll(): void {
    for (const subscriber of [...this.subscribers]) subscriber.end();
    this.subscribers.clear();
  }
}
