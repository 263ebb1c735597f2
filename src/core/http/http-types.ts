import type { SafeHtml } from './html';

/** A request as a virtual host's handler sees it: the real URL (https://login.microsoftonline.com/…), parsed. */
export interface VirtualRequest {
  method: string;
  url: URL;
  /** The query string exactly as sent (signatures of the Redirect binding cover these bytes). */
  rawQuery: string;
  headers: Readonly<Record<string, string>>;
  cookies: Readonly<Record<string, string>>;
  /** Fields of an application/x-www-form-urlencoded body. */
  form: Readonly<Record<string, string>>;
  /** The body as text, for JSON requests (the harness API). */
  rawBody: string;
  /** The URL the request really arrived at (loopback), for Destination checks. */
  receivedAt: string;
}

export interface CookieChange {
  name: string;
  /** null clears the cookie. */
  value: string | null;
  httpOnly?: boolean;
}

export interface VirtualResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  cookies?: CookieChange[];
}

export type VirtualHandler = (req: VirtualRequest) => Promise<VirtualResponse>;

/** An HTML answer: its body can only be markup built with the `html` template (every value escaped). */
export const htmlPage = (body: SafeHtml, status = 200, extra: Partial<VirtualResponse> = {}): VirtualResponse => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', ...extra.headers },
  body: body.markup,
  ...(extra.cookies ? { cookies: extra.cookies } : {}),
});

export const redirect = (location: string, cookies?: CookieChange[]): VirtualResponse => ({
  status: 302,
  headers: { location },
  ...(cookies ? { cookies } : {}),
});

export const text = (body: string, status: number, contentType = 'text/plain; charset=utf-8'): VirtualResponse => ({
  status,
  headers: { 'content-type': contentType },
  body,
});
