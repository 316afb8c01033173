import net from "node:net";

/**
 * A PostgreSQL wire-protocol relay on loopback, in front of a test's own server: it passes every message on
 * unchanged, counts the statements clients send through it (a simple Query, or the Parse of the extended
 * protocol, which carries the SQL), and, while `breaking` is on, drops a connection the moment it carries a
 * statement other than `spared` ones, before the server sees it: a replica lost under a read, whose
 * health checks still pass.
 */
export class PgRelay {
  /** Statements relayed that were not `spared`. */
  statements = 0;
  breaking = false;
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(
    private readonly target: { host: string; port: number },
    /** Statements neither counted nor broken: their SQL contains this (a health check's). */
    private readonly spared: string,
  ) {}

  /** Listens on a free loopback port; answers `databaseUrl` pointed at the relay. */
  async start(databaseUrl: string): Promise<string> {
    const server = net.createServer((client) => this.relay(client));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const url = new URL(databaseUrl);
    url.hostname = "127.0.0.1";
    url.port = String((server.address() as net.AddressInfo).port);
    // No TLS through the relay: it reads the messages.
    url.searchParams.set("sslmode", "disable");
    return url.toString();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(this.target.port, this.target.host);
    this.sockets.add(client).add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    let buffer = Buffer.alloc(0);
    // The first message has no type byte (a startup, or an SSL request answered 'N' and followed by one).
    let untyped = true;
    client.on("data", (chunk) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        let length: number;
        if (untyped) {
          if (buffer.length < 8) break;
          length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          untyped = code === 80877103 || code === 80877104;
        } else {
          if (buffer.length < 5) break;
          length = 1 + buffer.readInt32BE(1);
          if (buffer.length < length) break;
          const type = String.fromCharCode(buffer[0]);
          if (type === "Q" || type === "P") {
            const text = buffer.subarray(5, length).toString("utf8");
            if (!text.includes(this.spared)) {
              if (this.breaking) return close();
              this.statements++;
            }
          }
        }
        upstream.write(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
      }
    });
    upstream.on("data", (chunk) => client.write(chunk));
    for (const socket of [client, upstream]) {
      socket.on("close", close);
      socket.on("error", close);
    }
  }
}
