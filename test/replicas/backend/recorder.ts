// Records every request the browser sends to the replica backends and to any other host, and answers the question
// guard tests ask: did a given value leave the browser?

import { decodeChatGpt } from './chatgpt';
import { decodeClaude } from './claude';
import { safeDecodeURIComponent } from './decode';
import { decodeGemini } from './gemini';
import type { RecordedRequest, SiteId } from './types';

export interface RequestFilter {
  site?: SiteId | 'external';
  kind?: string;
  method?: string;
}

export interface Leak {
  value: string;
  request: RecordedRequest;
  /** Where the value was found: the decoded user text, the raw body or the URL. */
  where: 'text' | 'body' | 'url';
}

function matches(request: RecordedRequest, filter: RequestFilter): boolean {
  return (
    (filter.site === undefined || request.site === filter.site) &&
    (filter.kind === undefined || request.kind === filter.kind) &&
    (filter.method === undefined || request.method === filter.method.toUpperCase())
  );
}

export class Recorder {
  readonly requests: RecordedRequest[] = [];
  private readonly waiters = new Set<() => void>();

  record(request: RecordedRequest): void {
    this.requests.push(request);
    for (const wake of this.waiters) wake();
  }

  clear(): void {
    this.requests.length = 0;
  }

  all(filter: RequestFilter = {}): RecordedRequest[] {
    return this.requests.filter((request) => matches(request, filter));
  }

  last(filter: RequestFilter = {}): RecordedRequest | undefined {
    return this.all(filter).at(-1);
  }

  /** Requests to hosts other than the three replicas (exfiltration targets and anything else). */
  external(): RecordedRequest[] {
    return this.all({ site: 'external' });
  }

  /**
   * Everything that could carry user data out: every request with a body or a method other than GET to a replica,
   * plus every request to another host. Page loads and the replica's own script files are left out.
   */
  outbound(): RecordedRequest[] {
    return this.requests.filter(
      (request) => request.site === 'external' || request.method !== 'GET' || request.body !== '' || request.kind.startsWith('api'),
    );
  }

  /** The user text a request carries, decoded per site (ChatGPT parts, Claude prompt + attachments, Gemini f.req). */
  decodedText(request: RecordedRequest): string[] {
    switch (request.site) {
      case 'chatgpt':
        return decodeChatGpt(request);
      case 'claude':
        return decodeClaude(request);
      case 'gemini':
        return decodeGemini(request);
      default:
        return [safeDecodeURIComponent(request.url), ...(request.body ? [request.body] : [])];
    }
  }

  /** All decoded user text that left the browser, one entry per line (for assertions and debugging). */
  allOutboundText(): string {
    return this.outbound()
      .flatMap((request) => this.decodedText(request))
      .join('\n');
  }

  /** Every place one of `values` appears in an outbound request: decoded text, raw body or URL (percent-decoded too). */
  findLeaks(values: string[]): Leak[] {
    const leaks: Leak[] = [];
    for (const request of this.outbound()) {
      const decoded = this.decodedText(request).join('\n');
      const url = `${request.url}\n${safeDecodeURIComponent(request.url)}`;
      const body = `${request.body}\n${safeDecodeURIComponent(request.body)}`;
      for (const value of values) {
        if (value === '') continue;
        if (decoded.includes(value)) leaks.push({ value, request, where: 'text' });
        else if (body.includes(value) || body.includes(JSON.stringify(value).slice(1, -1))) leaks.push({ value, request, where: 'body' });
        else if (url.includes(value)) leaks.push({ value, request, where: 'url' });
      }
    }
    return leaks;
  }

  /** Throws, naming the request, if any of `values` left the browser. */
  assertNoneContain(values: string[]): void {
    const leaks = this.findLeaks(values);
    if (leaks.length === 0) return;
    const lines = leaks.map(({ value, request, where }) => `  "${value}" in ${where} of ${request.method} ${request.url} (${request.site}/${request.kind})`);
    throw new Error(`values left the browser:\n${lines.join('\n')}`);
  }

  /** Waits until a matching request has been recorded (counting those already seen). */
  async waitFor(filter: RequestFilter, { timeout = 10_000, count = 1 }: { timeout?: number; count?: number } = {}): Promise<RecordedRequest> {
    const found = () => {
      const hits = this.all(filter);
      return hits.length >= count ? hits[count - 1] : undefined;
    };
    const already = found();
    if (already) return already;
    return new Promise<RecordedRequest>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no request matching ${JSON.stringify(filter)} within ${timeout} ms; saw:\n${this.describe()}`));
      }, timeout);
      const check = () => {
        const hit = found();
        if (!hit) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(hit);
      };
      this.waiters.add(check);
    });
  }

  /** One line per request, for failure messages. */
  describe(): string {
    return this.requests.map((request) => `  ${request.method} ${request.url} (${request.site}/${request.kind})`).join('\n') || '  (none)';
  }
}
