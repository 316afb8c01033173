import { createServer, IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One POST a receiver got: its Standard Webhooks headers and body, and when it arrived. */
export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  at: number;
  /** The status the receiver answered (0: it never answered). */
  answered: number;
}

/**
 * A webhook receiver on loopback, as an agency's system runs one: it records every POST and answers as told
 * (`behave`): 204 by default, a status, or never (a receiver that hangs).
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  behave: (request: Received, nth: number) => number | "hang" = () => 204;
  private readonly hung: IncomingMessage[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(path = "/hooks"): Promise<WebhookReceiver> {
    let receiver!: WebhookReceiver;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const got: Received = {
          id: String(request.headers["webhook-id"] ?? ""),
          timestamp: String(request.headers["webhook-timestamp"] ?? ""),
          signature: String(request.headers["webhook-signature"] ?? ""),
          body: Buffer.concat(chunks).toString("utf8"),
          at: Date.now(),
          answered: 0,
        };
        receiver.received.push(got);
        const answer = receiver.behave(got, receiver.received.length);
        if (answer === "hang") {
          receiver.hung.push(request);
          return;
        }
        got.answered = answer;
        response.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    return receiver;
  }

  /** The bodies received, parsed. */
  messages(): Array<{ type: string; timestamp: string; data: { eventId: string; entityType: string; id: string; version: number | null; record: Record<string, any> } }> {
    return this.received.map((r) => JSON.parse(r.body));
  }

  /** Waits until `done()` holds (checked every 50 ms), at most `ms`. */
  async until(done: () => boolean, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`the receiver at ${this.url} did not get what was expected within ${ms} ms (it got ${this.received.length})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    for (const request of this.hung) request.socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
