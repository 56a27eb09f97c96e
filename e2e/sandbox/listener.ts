// A real listener on this machine for the sandbox's "no channel out" probes: an HTTPS server (the
// old preview CSP allowed any https: image, so https is what an attacker would use; the browser
// context ignores its self-signed certificate) and a UDP socket for STUN. It records everything that
// reaches it: TCP connections, HTTP requests and UDP datagrams.
import { execFileSync } from "node:child_process";
import dgram from "node:dgram";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

export type Listener = {
  /** https://127.0.0.1:<port> */
  url: string;
  udpPort: number;
  requests: string[];
  connections: number;
  datagrams: number;
  /** Everything that arrived, one line each (requests, connections, datagrams). */
  received(): string[];
  reset(): void;
  close(): Promise<void>;
};

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vitrine-listener-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        path.join(dir, "key.pem"),
        "-out",
        path.join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    return {
      key: readFileSync(path.join(dir, "key.pem")),
      cert: readFileSync(path.join(dir, "cert.pem")),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startListener(): Promise<Listener> {
  const state = { requests: [] as string[], connections: 0, datagrams: 0 };
  const server = https.createServer(selfSignedCertificate(), (req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "Content-Type": "text/plain", "Access-Control-Allow-Origin": "*" });
    res.end("received");
  });
  server.on("connection", () => state.connections++);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const udp = dgram.createSocket("udp4");
  udp.on("message", () => state.datagrams++);
  await new Promise<void>((ok) => udp.bind(0, "127.0.0.1", ok));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    udpPort: udp.address().port,
    get requests() {
      return state.requests;
    },
    get connections() {
      return state.connections;
    },
    get datagrams() {
      return state.datagrams;
    },
    received() {
      return [
        ...state.requests,
        ...(state.connections ? [`${state.connections} TCP connection(s)`] : []),
        ...(state.datagrams ? [`${state.datagrams} UDP datagram(s)`] : []),
      ];
    },
    reset() {
      state.requests = [];
      state.connections = 0;
      state.datagrams = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
      await new Promise<void>((ok) => udp.close(() => ok()));
    },
  };
}
