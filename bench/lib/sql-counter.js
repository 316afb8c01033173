/**
 * A PostgreSQL wire-protocol relay on loopback that counts the statements a server under benchmark sends:
 * each simple Query ('Q') and each Execute ('E') of the extended protocol is one statement, whatever the
 * client library (node-postgres, TypeORM, PostGraphile's own pool). Every contender is measured the same
 * way, with no extension to preload on the database server. It relays bytes unchanged in both directions
 * and only reads the client's side. Used in a separate, short counting pass: the throughput runs connect
 * to the database directly.
 *
 * It can also capture what it counts (`startCapture`/`stopCapture`): each statement's text with the values
 * bound to it, per connection, which `sql-ceiling.js` replays with pgbench as the hub's SQL ceiling. Only the
 * client's messages are read for that too: Parse gives a prepared statement's text, Bind its values, Execute
 * runs it; a simple Query is its own text.
 */
const net = require("node:net");

class SqlCounter {
  constructor(target) {
    this.target = target;
    this.statements = 0;
    this.sockets = new Set();
    this.connections = 0;
    // While capturing: the statements in the order they reach the relay, { connection, text, params }.
    this.captured = null;
  }

  startCapture() {
    this.captured = [];
  }

  /** The statements sent since `startCapture`; stops capturing. */
  stopCapture() {
    const captured = this.captured ?? [];
    this.captured = null;
    return captured;
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
    const connection = ++this.connections;
    // Prepared statements and portals of this connection, by name ("" is the unnamed one), for the capture.
    const prepared = new Map();
    const portals = new Map();
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
        // Parse is read even when not capturing: a named statement prepared earlier may be executed in a capture.
        if (type === 0x50 /* P */) {
          const body = buffer.subarray(5, 1 + length);
          const name = cString(body, 0);
          prepared.set(name.value, cString(body, name.next).value);
        }
        if (this.captured) {
          const body = buffer.subarray(5, 1 + length);
          if (type === 0x51) this.captured.push({ connection, text: cString(body, 0).value, params: [] });
          else if (type === 0x42 /* B */) {
            const bind = parseBind(body);
            portals.set(bind.portal, { text: prepared.get(bind.statement), params: bind.params });
          } else if (type === 0x45) {
            const portal = portals.get(cString(body, 0).value);
            // A statement prepared before the capture began has no text here: say so rather than drop it.
            this.captured.push({ connection, text: portal?.text ?? null, params: portal?.params ?? [] });
          }
        }
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

/** A NUL-terminated string at `at`; answers it and the offset after it. */
function cString(body, at) {
  const end = body.indexOf(0, at);
  return { value: body.toString("utf8", at, end), next: end + 1 };
}

/**
 * A Bind message: portal, statement, and the values (null for SQL NULL, a string for text format, a Buffer for
 * binary: node-postgres sends Buffers so, as bytea).
 */
function parseBind(body) {
  const portal = cString(body, 0);
  const statement = cString(body, portal.next);
  let at = statement.next;
  const formatCount = body.readInt16BE(at);
  at += 2;
  const formats = [];
  for (let i = 0; i < formatCount; i++, at += 2) formats.push(body.readInt16BE(at));
  const paramCount = body.readInt16BE(at);
  at += 2;
  const params = [];
  for (let i = 0; i < paramCount; i++) {
    const size = body.readInt32BE(at);
    at += 4;
    if (size < 0) {
      params.push(null);
      continue;
    }
    const value = body.subarray(at, at + size);
    at += size;
    const format = formatCount === 0 ? 0 : formatCount === 1 ? formats[0] : formats[i];
    params.push(format === 1 ? Buffer.from(value) : value.toString("utf8"));
  }
  return { portal: portal.value, statement: statement.value, params };
}

module.exports = { SqlCounter };
