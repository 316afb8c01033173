/**
 * A PostgreSQL wire-protocol relay on loopback that counts the statements a server under benchmark sends:
 * each simple Query ('Q') and each Execute ('E') of the extended protocol is one statement, whatever the
 * client library (node-postgres, TypeORM, PostGraphile's own pool). Every contender is measured the same
 * way, with no extension to preload on the database server. It relays bytes unchanged in both directions
 * and only reads the client's side. Used in a separate, short counting pass: the throughput runs connect
 * to the database directly.
 */
const net = require("node:net");

class SqlCounter {
  constructor(target) {
    this.target = target;
    this.statements = 0;
    this.sockets = new Set();
  }

  /** Listens on a free loopback port; answers the connection string to give the server under test. */
  async start(databaseUrl) {
    this.server = net.createServer((client) => this.relay(client));
    await new Promise((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const url = new URL(databaseUrl);
    url.hostname = "127.0.0.1";
    url.port = String(this.server.address().port);
    // No TLS through the relay: it must read the messages.
    url.searchParams.set("sslmode", "disable");
    return url.toString();
  }

  relay(client) {
    const upstream = net.connect(this.target.port, this.target.host);
    this.sockets.add(client);
    this.sockets.add(upstream);
    let buffer = Buffer.alloc(0);
    // The first message of a connection has no type byte (a startup or SSL request, the latter answered 'N'
    // by the server and followed by a startup); every later one is a type byte and a length.
    let untyped = true;
    client.on("data", (chunk) => {
      upstream.write(chunk);
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        if (untyped) {
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(length);
          // 80877103: SSLRequest, 80877104: GSSENCRequest; another untyped startup follows.
          untyped = code === 80877103 || code === 80877104;
          continue;
        }
        if (buffer.length < 5) break;
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) break;
        const type = buffer[0];
        if (type === 0x51 /* Q */ || type === 0x45 /* E */) this.statements += 1;
        buffer = buffer.subarray(1 + length);
      }
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on("close", close);
    upstream.on("close", close);
    client.on("error", close);
    upstream.on("error", close);
  }

  async stop() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(() => resolve()));
  }
}

module.exports = { SqlCounter };
