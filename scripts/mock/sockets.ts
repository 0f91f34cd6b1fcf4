// Every socket an interceptor owns, so that closing it ends them all at once instead of waiting
// for clients to hang up.
import type { Duplex } from 'node:stream';

/** A set of live sockets that forgets each one when it closes. */
export class SocketTracker {
  readonly #sockets = new Set<Duplex>();
  #closed = false;

  /** Watches a socket; one added after `destroyAll` is destroyed at once. */
  add(socket: Duplex): void {
    if (this.#closed) {
      socket.destroy();
      return;
    }
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
  }

  /** True once `destroyAll` was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Number of sockets still open. */
  get size(): number {
    return this.#sockets.size;
  }

  /** Destroys every socket now and every socket added later. */
  destroyAll(): void {
    this.#closed = true;
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
  }
}
