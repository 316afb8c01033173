import type { Server } from "node:http";
import { Server as NetServer, Socket } from "node:net";

/**
 * Graceful stop of an HTTP server. Node's own `server.close()` (and the `stoppable` logic Apollo's drain
 * plugin uses) closes the listener at once, which makes the kernel reset connections still queued for
 * accept, and ends every connection that has no request parsed at that instant: requests a client already
 * sent are reset either way. Here:
 * - the listener stays open until no request is under way and no new connection has come for `quietMs`
 *   (at most half the grace period): Node accepts one queued connection per turn of the event loop, so a
 *   busy hub needs those turns to take in what clients already sent. Meanwhile `/readyz` tells a load
 *   balancer to stop sending;
 * - every response during the drain carries `Connection: close`, and its connection ends after it;
 * - a connection that stays idle for `idleGraceMs` after the listener closed is ended;
 * - whatever is left when `graceMs` runs out is destroyed.
 */
export class HttpDrain {
  private readonly inFlight = new Map<Socket, number>();
  private draining = false;
  private lastConnectionAt = 0;

  constructor(private readonly server: Server) {
    server.on("connection", (socket: Socket) => {
      this.lastConnectionAt = Date.now();
      this.inFlight.set(socket, 0);
      socket.once("close", () => this.inFlight.delete(socket));
    });
    // Before the app's own listener, which may answer at once (/readyz while draining).
    server.prependListener("request", (req, res) => {
      const socket = req.socket;
      this.inFlight.set(socket, (this.inFlight.get(socket) ?? 0) + 1);
      if (this.draining && !res.headersSent) res.setHeader("Connection", "close");
      res.once("close", () => {
        // A socket already closed (the client went away mid-request) is gone from the map; do not put it back.
        if (!this.inFlight.has(socket)) return;
        const left = Math.max(0, (this.inFlight.get(socket) ?? 1) - 1);
        this.inFlight.set(socket, left);
        if (this.draining && left === 0) socket.end();
      });
    });
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** Resolves when every connection is gone: `true` when they all finished within the grace period. */
  async drain(graceMs: number, options: { quietMs?: number; idleGraceMs?: number } = {}): Promise<boolean> {
    const { quietMs = 200, idleGraceMs = 1_000 } = options;
    this.draining = true;
    const deadline = Date.now() + graceMs;
    let graceful = true;
    const destroyAll = setTimeout(() => {
      graceful = false;
      for (const socket of this.inFlight.keys()) socket.destroy();
    }, graceMs);
    const quietSince = Date.now();
    const settled = () => Math.max(quietSince, this.lastConnectionAt) + quietMs <= Date.now() && ![...this.inFlight.values()].some((n) => n > 0);
    // Under steady traffic it never settles: the listener closes at half the grace period at the latest, so
    // what it accepted still has the other half to finish.
    const stopAccepting = Date.now() + graceMs / 2;
    while (!settled() && Date.now() < stopAccepting) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(quietMs / 4, Math.max(0, stopAccepting - Date.now()))));
    }
    // net.Server's close stops listening without http.Server's immediate closeIdleConnections().
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(this.server, () => resolve()));
    const endIdle = setTimeout(() => {
      for (const [socket, requests] of this.inFlight) if (requests === 0) socket.end();
    }, Math.min(idleGraceMs, Math.max(0, deadline - Date.now())));
    await closed;
    clearTimeout(endIdle);
    clearTimeout(destroyAll);
    return graceful;
  }
}
