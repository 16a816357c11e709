/**
 * A local RFC 3161 timestamp authority for tests: a test root CA and a TSA
 * certificate made by `openssl` in a temp dir, and a tiny Node HTTP server
 * that answers each `application/timestamp-query` with `openssl ts -reply`.
 * Nothing is hand-rolled: OpenSSL is the reference implementation the
 * package's README tells recipients to verify with.
 */
import { execFileSync, execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LocalTsa {
  url: string;
  /** The root CA certificate (PEM) the TSA chains to. */
  rootPem: string;
  /** Path of the root CA file, for `openssl ts -verify -CAfile`. */
  rootPath: string;
  /** Requests answered so far. */
  answered(): number;
  /** Answers HTTP 503 while true (the TSA is "unreachable" to the extension's logic). */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

/** Makes the CA and TSA certificates and starts the server on 127.0.0.1 (random port). */
export async function startLocalTsa(): Promise<LocalTsa> {
  const dir = mkdtempSync(join(tmpdir(), 'yq-tsa-'));
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '30', '-subj', '/CN=Test TSA Root',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', '/CN=Test TSA');
  writeFileSync(join(dir, 'tsa.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n');
  openssl('x509', '-req', '-in', 'tsa.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'tsa.crt', '-days', '30', '-extfile', 'tsa.ext');
  writeFileSync(join(dir, 'tsaserial'), '01\n');
  writeFileSync(
    join(dir, 'tsa.cnf'),
    `[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = $dir/tsaserial
crypto_device = builtin
signer_cert = $dir/tsa.crt
certs = $dir/ca.crt
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.5.6
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`,
  );
  let count = 0;
  let down = false;
  let queue = Promise.resolve();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (down || req.method !== 'POST') {
        res.writeHead(down ? 503 : 405).end();
        return;
      }
      // One at a time: openssl ts increments the serial file.
      queue = queue.then(async () => {
        const n = ++count;
        writeFileSync(join(dir, `q${n}.tsq`), Buffer.concat(chunks));
        try {
          await run('openssl', ['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', `q${n}.tsq`, '-out', `r${n}.tsr`], { cwd: dir });
          res.writeHead(200, { 'Content-Type': 'application/timestamp-reply', 'Access-Control-Allow-Origin': '*' }).end(readFileSync(join(dir, `r${n}.tsr`)));
        } catch (error) {
          res.writeHead(500).end(String(error));
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    rootPem: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    rootPath: join(dir, 'ca.crt'),
    answered: () => count,
    setDown: (value) => {
      down = value;
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
