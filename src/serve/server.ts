/**
 * The preview server: the deck's folder (regular files only, each opened once, from the folder it resolved
 * itself, no link followed: security.ts openServed), a live-reload script injected into the served copy of
 * index.html (the file on disk stays as built), and a WebSocket that tells open pages to reload or shows the
 * brief's problems. It listens on 127.0.0.1 only, answers only Host headers naming this machine, and accepts
 * WebSocket upgrades only from its own origin.
 */
import { readFile, realpath } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { lookup } from 'mrmime';
import { WebSocketServer, WebSocket } from 'ws';
import { MujazError } from '../errors.js';
import { templatesDir } from '../paths.js';
import { hostAllowed, LISTEN_HOST, openServed, originAllowed, safePathname, type ServedFile } from './security.js';

export const LIVE_RELOAD_PATH = '/__mujaz/live-reload.js';
export const SOCKET_PATH = '/__mujaz/ws';

/** One problem as the overlay shows it: `file:line:col: message`, and how to fix it. */
export interface Problem {
  text: string;
  hint?: string;
}

export type ServerMessage =
  | { type: 'state'; version: number; problems: Problem[] }
  | { type: 'reload'; version: number }
  | { type: 'problems'; problems: Problem[] };

export interface PreviewServerOptions {
  port: number;
  /** The running build, if any: static requests wait for it so they never see a half-swapped folder. */
  gate?: () => Promise<void> | undefined;
}

export interface PreviewServer {
  readonly url: string;
  readonly port: number;
  /** After a good build: serve `dir` from now on and reload every open page. */
  showDeck(dir: string): void;
  /** After a bad save: keep the last good deck and show these problems on every open page. */
  showProblems(problems: Problem[]): void;
  /** How many pages are connected (tests, diagnostics). */
  clients(): number;
  close(): Promise<void>;
}

const COMMON_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  // No other site may show the preview in a frame (and so trick a click on it).
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/** Adds the live-reload script to a copy of the deck's HTML, just before </body>. */
export function injectLiveReload(html: string, version: number): string {
  const tag = `<script src="${LIVE_RELOAD_PATH}" data-version="${version}"></script>\n`;
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}

/** Shown until the first good build, so the page can still show the problems and reload when mended. */
const WAITING_PAGE = `<!doctype html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><title>mujaz: waiting for a good save</title></head>
<body style="font-family: monospace; background: #fff; color: #000">
<p>mujaz: the brief has not built yet. Fix the problems shown and save; this page reloads by itself.</p>
</body>
</html>
`;
const WAITING_PAGE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', head = false): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

/** The Content-Type of a deck's file, by its extension (text in UTF-8, as mujaz writes it). */
function contentType(file: string): string {
  const type = lookup(file) ?? 'application/octet-stream';
  return /^text\/|javascript|json|svg/.test(type) ? `${type}; charset=utf-8` : type;
}

/** Sends a deck's file from the handle it was checked on, and closes it. */
async function sendFile(res: ServerResponse, file: ServedFile, name: string, head: boolean): Promise<void> {
  res.writeHead(200, { 'Content-Type': contentType(name), 'Content-Length': file.size });
  if (head || file.size === 0) {
    res.end();
    await file.handle.close();
    return;
  }
  await new Promise<void>((resolve) => {
    // The bytes the handle has, up to the size checked: a file growing meanwhile cannot overrun Content-Length.
    const stream = file.handle.createReadStream({ start: 0, end: file.size - 1, autoClose: true });
    stream.on('error', () => res.destroy());
    stream.on('close', resolve);
    stream.pipe(res);
  });
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const port = options.port;
  /** The deck's folder as the server resolved it (its real path), when a deck has been shown. */
  let deckRoot: Promise<string | undefined> | undefined;
  let version = 0;
  let problems: Problem[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [k, v] of Object.entries(COMMON_HEADERS)) res.setHeader(k, v);
    if (!hostAllowed(req.headers.host, port)) return send(res, 403, 'mujaz: this server answers only http://127.0.0.1 and http://localhost\n');
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'method not allowed\n');
    }
    const pathname = safePathname(req.url);
    if (pathname === null) return send(res, 404, 'not found\n', undefined, head);
    if (pathname === LIVE_RELOAD_PATH) {
      const js = await readFile(path.join(templatesDir, 'runtime', 'live-reload.js'), 'utf8');
      return send(res, 200, js, 'text/javascript; charset=utf-8', head);
    }
    if (pathname.startsWith('/__mujaz/')) return send(res, 404, 'not found\n', undefined, head);
    await options.gate?.();
    const page = pathname === '/' || pathname === '/index.html';
    const root = await deckRoot;
    if (root === undefined) {
      if (!page) return send(res, 404, 'not found\n', undefined, head);
      res.setHeader('Content-Security-Policy', WAITING_PAGE_CSP);
      return send(res, 200, injectLiveReload(WAITING_PAGE, version), 'text/html; charset=utf-8', head);
    }
    // Only regular files, opened once from the folder resolved at showDeck, no link followed on the way.
    const name = page ? '/index.html' : pathname;
    const file = await openServed(root, name);
    if (file === null) return send(res, 404, 'not found\n', undefined, head);
    if (page) {
      let html: string;
      try {
        html = await file.handle.readFile('utf8');
      } finally {
        await file.handle.close();
      }
      return send(res, 200, injectLiveReload(html, version), 'text/html; charset=utf-8', head);
    }
    await sendFile(res, file, name, head);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else send(res, 500, `mujaz: ${(error as Error).message}\n`);
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 });
  const sendTo = (ws: WebSocket, message: ServerMessage) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  };
  const broadcast = (message: ServerMessage) => wss.clients.forEach((ws) => sendTo(ws, message));

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (!hostAllowed(req.headers.host, port)) return rejectUpgrade(socket, 403, 'Forbidden');
    if (!originAllowed(req.headers.origin, port)) return rejectUpgrade(socket, 403, 'Forbidden');
    if (safePathname(req.url) !== SOCKET_PATH) return rejectUpgrade(socket, 404, 'Not Found');
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      ws.on('message', () => undefined); // pages have nothing to say
      // A page opened while the brief is broken shows the problems at once.
      sendTo(ws, { type: 'state', version, problems });
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(
          new MujazError('USAGE', `port ${port} is already in use`, {
            hint: `choose another port: mujaz serve BRIEF --port ${port === 65535 ? port - 1 : port + 1}`,
          }),
        );
      } else if (error.code === 'EACCES') {
        reject(new MujazError('USAGE', `not allowed to listen on port ${port}`, { hint: 'choose a port above 1023 with --port' }));
      } else {
        reject(new MujazError('BUILD_FAILED', `could not listen on ${LISTEN_HOST}:${port}: ${error.message}`, { cause: error }));
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host: LISTEN_HOST, port, exclusive: true });
  });
  server.on('error', () => undefined);

  let closing: Promise<void> | undefined;
  return {
    url: `http://${LISTEN_HOST}:${port}/`,
    port,
    showDeck(dir) {
      // Resolved once, here: a request never resolves the folder again (a link put in its place is not followed).
      deckRoot = realpath(dir).catch(() => undefined);
      version++;
      problems = [];
      broadcast({ type: 'reload', version });
    },
    showProblems(list) {
      problems = list;
      broadcast({ type: 'problems', problems });
    },
    clients: () => wss.clients.size,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
