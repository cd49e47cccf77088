import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Cross-site request forgery protection for the app's own forms (decision, incident and review
 * pages): the
 * page sets a SameSite=Strict cookie and puts the same value in a hidden field; a POST must carry
 * both, equal, and a browser's Origin must be ours.
 */
// Referrer-Policy same-origin, not no-referrer: under no-referrer a browser sends "Origin: null"
// with the form's POST, which formIsOurs refuses, so nobody could answer in a real browser (the
// browser journey test found it). Other sites still get no referrer, so the signed link stays private.
export const html = (status: number, body: string, headers: Record<string, string> = {}): HttpResponseInit => ({
  status,
  body,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    ...headers,
  },
});

export function cookieValue(request: HttpRequest, name: string): string | undefined {
  return (request.headers.get('cookie') ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === name)?.[1];
}

/** The token for a page: the one the browser already holds, or a new one, and its Set-Cookie. */
export function formToken(request: HttpRequest, cookie: { name: string; path: string }): { token: string; setCookie: string } {
  const token = cookieValue(request, cookie.name) ?? randomBytes(24).toString('base64url');
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  return { token, setCookie: `${cookie.name}=${token}; Path=${cookie.path}; HttpOnly; SameSite=Strict${secure}` };
}

export function formIsOurs(request: HttpRequest, form: Record<string, string>, cookieName: string, publicBaseUrl: string): boolean {
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(publicBaseUrl).origin) return false;
  const given = Buffer.from(form.csrf ?? '');
  const expected = Buffer.from(cookieValue(request, cookieName) ?? '');
  return expected.length > 0 && given.length === expected.length && timingSafeEqual(given, expected);
}

export const isFormPost = (request: HttpRequest): boolean => (request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
