// The replicas' "backend": Playwright routes on the real hostnames serve the replica pages and answer their API
// calls, recording every request. Streamed replies go over a real connection (route.continue() to a local HTTPS
// server that Chromium resolves the site hosts to), so chunks arrive apart in time like the live sites' streams.
// Without openssl the harness falls back to route.fulfill(), which delivers a reply in one piece.

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Route } from '@playwright/test';
import { classifyChatGpt, handleChatGpt } from './chatgpt';
import { classifyClaude, handleClaude } from './claude';
import { classifyGemini, handleGemini } from './gemini';
import { Recorder } from './recorder';
import { ReplyQueue } from './reply-script';
import { SITE_HOSTS, type BackendRequest, type ReplicaResponse, type SiteId } from './types';

export const REPLICA_DIST = join(import.meta.dirname, '..', 'dist');

const STREAM_TOKEN_HEADER = 'x-replica-stream';
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json',
};
// 1×1 transparent GIF for image requests to other hosts, so an exfiltration image "loads" like it would for real.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const SITES: Record<SiteId, { classify(method: string, url: URL): string; handle(request: BackendRequest, kind: string, replies: ReplyQueue): ReplicaResponse }> = {
  chatgpt: { classify: classifyChatGpt, handle: handleChatGpt },
  claude: { classify: classifyClaude, handle: handleClaude },
  gemini: { classify: classifyGemini, handle: handleGemini },
};

/** Per browser context: what was recorded and what the next replies are. */
export interface ReplicaSession {
  recorder: Recorder;
  replies: ReplyQueue;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A throwaway self-signed certificate for the local stream server (Chromium is told to ignore HTTPS errors). */
function ensureCertificate(): { key: Buffer; cert: Buffer } | undefined {
  const dir = join(tmpdir(), 'chatwarden-replica-tls');
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  if (!existsSync(keyPath) || !existsSync(certPath)) {
    try {
      mkdirSync(dir, { recursive: true });
      const suffix = `${process.pid}-${Date.now()}`;
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '3650',
        '-subj', '/CN=chatwarden-replica', '-addext', `subjectAltName=${Object.values(SITE_HOSTS).map((host) => `DNS:${host}`).join(',')}`,
        '-keyout', `${keyPath}.${suffix}`, '-out', `${certPath}.${suffix}`,
      ], { stdio: 'ignore' });
      renameSync(`${keyPath}.${suffix}`, keyPath);
      renameSync(`${certPath}.${suffix}`, certPath);
    } catch {
      return undefined;
    }
  }
  return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
}

export class ReplicaBackend {
  private readonly pendingStreams = new Map<string, ReplicaResponse>();

  private constructor(
    private readonly server: Server | undefined,
    readonly streamPort: number | undefined,
  ) {}

  /** Starts the local stream server (if openssl can make a certificate). Call once per worker, before launching. */
  static async start(): Promise<ReplicaBackend> {
    if (!existsSync(join(REPLICA_DIST, 'chatgpt.js'))) {
      throw new Error('replica bundles are missing: run `node scripts/build-replicas.mjs`');
    }
    const tls = ensureCertificate();
    if (!tls) {
      console.warn('replica backend: openssl unavailable, replies arrive in one piece (no real streaming)');
      return new ReplicaBackend(undefined, undefined);
    }
    let backend: ReplicaBackend | undefined;
    const server = createServer(tls, (request, response) => void backend?.serveStream(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    backend = new ReplicaBackend(server, (server.address() as AddressInfo).port);
    return backend;
  }

  /**
   * Chromium flags the context must be launched with: the site hosts resolve to the local stream server (used only
   * for replies that route.continue() sends on), and every other host fails to resolve, so nothing unrouted leaves.
   */
  chromiumArgs(): string[] {
    const maps = this.streamPort ? Object.values(SITE_HOSTS).map((host) => `MAP ${host} 127.0.0.1:${this.streamPort}`) : [];
    return [`--host-resolver-rules=${[...maps, 'MAP * ~NOTFOUND'].join(', ')}`];
  }

  /** Installs the routes on a context; returns the session's recorder and reply queue. */
  async attach(context: BrowserContext): Promise<ReplicaSession> {
    const session: ReplicaSession = { recorder: new Recorder(), replies: new ReplyQueue() };
    // Registered first, so it runs last: any http(s) request the site routes below do not take.
    await context.route(
      (url) => url.protocol === 'http:' || url.protocol === 'https:',
      (route) => this.handleExternal(route, session),
    );
    for (const site of Object.keys(SITE_HOSTS) as SiteId[]) {
      await context.route(`https://${SITE_HOSTS[site]}/**`, (route) => this.handleSite(site, route, session));
    }
    return session;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server!.close(resolve));
  }

  private async record(route: Route, session: ReplicaSession, site: SiteId | 'external', kind: string) {
    const request = route.request();
    const headers = await request.allHeaders();
    const body = request.postDataBuffer()?.toString('utf8') ?? '';
    session.recorder.record({
      site,
      kind,
      method: request.method(),
      url: request.url(),
      headers,
      body,
      time: Date.now(),
      resourceType: request.resourceType(),
      initiator: request.serviceWorker() ? 'service-worker' : 'page',
    });
    return { headers, body };
  }

  private async handleExternal(route: Route, session: ReplicaSession): Promise<void> {
    await this.record(route, session, 'external', 'external');
    const type = route.request().resourceType();
    if (type === 'image') return route.fulfill({ status: 200, contentType: 'image/gif', body: PIXEL });
    if (type === 'document') return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>external</title>' });
    return route.fulfill({ status: 204, body: '' });
  }

  private async handleSite(site: SiteId, route: Route, session: ReplicaSession): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const method = request.method();
    if (url.pathname.startsWith('/__replica/')) {
      await this.record(route, session, site, 'asset');
      const file = join(REPLICA_DIST, url.pathname.slice('/__replica/'.length).replace(/[^\w.-]/g, ''));
      if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ status: 200, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
    }
    const classified = SITES[site].classify(method, url);
    const kind = classified === 'page' ? (request.resourceType() === 'document' ? 'document' : 'page-other') : classified;
    const { headers, body } = await this.record(route, session, site, kind);
    if (kind === 'document') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(REPLICA_DIST, `${site}.html`)) });
    }
    if (kind === 'page-other') return route.fulfill({ status: 404, body: '' });

    const response = SITES[site].handle({ method, url, body }, kind, session.replies);
    if (response.stream && this.server) {
      const token = randomUUID();
      this.pendingStreams.set(token, response);
      return route.continue({ headers: { ...headers, [STREAM_TOKEN_HEADER]: token } });
    }
    return route.fulfill({ status: response.status, headers: response.headers, body: (response.head ?? '') + response.parts.join('') });
  }

  /** The local HTTPS server's side of a streamed reply: head at once, then each part `delayMs` apart. */
  private async serveStream(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse): Promise<void> {
    request.resume();
    const token = request.headers[STREAM_TOKEN_HEADER];
    const planned = typeof token === 'string' ? this.pendingStreams.get(token) : undefined;
    if (!planned) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('no replica stream for this request');
      return;
    }
    this.pendingStreams.delete(token as string);
    let closed = false;
    response.on('close', () => (closed = true));
    response.writeHead(planned.status, planned.headers);
    if (planned.head) response.write(planned.head);
    for (const [index, part] of planned.parts.entries()) {
      if (index > 0 && planned.delayMs > 0) await delay(planned.delayMs);
      if (closed) return;
      response.write(part);
    }
    response.end();
  }
}
