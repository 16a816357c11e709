/**
 * The demo site server: a plain Node `http` server on 127.0.0.1 that serves
 * the fictional 澜江市 pages the e2e tests, the demo and the benchmarks load.
 *
 * Everything is inline (no CDN, no external fonts or images) because the test
 * machines reach no outside host. Port 0 by default so parallel runs never
 * collide; the content script matches `http://127.0.0.1/*` on any port.
 *
 * CLI: `npx tsx tests/demo-site/server.ts [--port N] [--host H]` prints the URL
 * and serves until Ctrl-C.
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createDemoState, resolveRoute, type DemoState } from './routes.ts';

/** Options for {@link startDemoServer}. */
export interface DemoServerOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (the extension's content-script match). */
  host?: string;
}

/** A running demo server. */
export interface DemoServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

/**
 * The test endpoints (`POST` only, so a page load can never trigger them):
 * - `/__demo/delete?path=<page path>&post=<post id>`: a moderator deletes a post (the first floor deletes the thread);
 * - `/__demo/grow?path=<page path>&replies=<n>&views=<n>`: the thread gains replies and views;
 * - `/__demo/reset`: the site as it was built.
 * Answers 204, or 400 naming the missing parameter.
 */
function changeState(state: DemoState, url: URL): { status: number; message?: string } {
  const path = url.searchParams.get('path');
  switch (url.pathname) {
    case '/__demo/reset':
      state.deletedPosts.clear();
      state.growth.clear();
      return { status: 204 };
    case '/__demo/delete': {
      const post = url.searchParams.get('post');
      if (!path || !post) return { status: 400, message: 'path and post are required' };
      const set = state.deletedPosts.get(path) ?? new Set<string>();
      set.add(post);
      state.deletedPosts.set(path, set);
      return { status: 204 };
    }
    case '/__demo/grow': {
      const replies = Number(url.searchParams.get('replies') ?? 0);
      const views = Number(url.searchParams.get('views') ?? 0);
      if (!path || !Number.isInteger(replies) || !Number.isInteger(views)) return { status: 400, message: 'path, and integer replies/views, are required' };
      const now = state.growth.get(path) ?? { replies: 0, views: 0 };
      state.growth.set(path, { replies: now.replies + replies, views: now.views + views });
      return { status: 204 };
    }
    default:
      return { status: 404, message: 'unknown demo endpoint' };
  }
}

/** Starts the demo site server and resolves once it listens. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const host = options.host ?? '127.0.0.1';
  const state = createDemoState();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
    if (req.method === 'POST' && url.pathname.startsWith('/__demo/')) {
      const changed = changeState(state, url);
      res.writeHead(changed.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(changed.message);
      return;
    }
    const route = resolveRoute(url, state);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' });
      res.end('Method Not Allowed');
      return;
    }
    const body = Buffer.from(route.body, 'utf8');
    res.writeHead(route.status, {
      'Content-Type': route.contentType ?? 'text/html; charset=utf-8',
      'Content-Length': body.length,
      // Pages are generated from code: never let a browser profile serve a stale copy.
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  // Keep-alive sockets would otherwise hold close() open until they time out.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Parses `--port N` / `--host H` from argv. */
function parseCliArgs(argv: readonly string[]): DemoServerOptions {
  const options: DemoServerOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    if (arg === '--port' && next !== undefined) {
      options.port = Number(next);
      i++;
    } else if (arg?.startsWith('--port=')) {
      options.port = Number(arg.slice('--port='.length));
    } else if (arg === '--host' && next !== undefined) {
      options.host = next;
      i++;
    }
  }
  if (options.port !== undefined && !Number.isInteger(options.port)) {
    throw new Error(`--port must be an integer, got ${String(options.port)}`);
  }
  return options;
}

async function main(): Promise<void> {
  const server = await startDemoServer(parseCliArgs(process.argv.slice(2)));
  console.log(`澜江市 演示站点 listening on ${server.url}/`);
  console.log(`  论坛帖子   ${server.url}/forum/thread-1001-1-1.html`);
  console.log('Press Ctrl-C to stop.');
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Run only when executed directly (not when imported by the fixture or the demo).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
