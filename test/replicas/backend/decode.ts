// Decoding helpers for recorded bodies.

import type { RecordedRequest } from './types';

export function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** The contents of every part of a multipart/form-data body (file contents and plain fields). */
export function multipartTexts(request: RecordedRequest): string[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(request.headers['content-type'] ?? '');
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return request.body ? [request.body] : [];
  return request.body
    .split(`--${marker}`)
    .map((part) => {
      const headerEnd = part.indexOf('\r\n\r\n');
      return headerEnd === -1 ? '' : part.slice(headerEnd + 4).replace(/\r\n$/, '');
    })
    .filter((text) => text !== '');
}

export function safeDecodeURIComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
