/**
 * The console's one way to the API: same-origin fetch with the session cookie, the CSRF token
 * echoed on writes (SPEC §10.2), problem+json turned into ApiError. A 401 on any call but
 * sign-in means the session has ended: listeners send the user to /login?next=…
 */
import type { FieldError } from '../../src/domain/errors.js';
import type { Role } from '../../src/domain/roles.js';

export type { FieldError };

/** A field error's message in the reader's language (Chinese where the server sent it). */
export const fieldMessage = (e: FieldError, language: string): string =>
  language === 'en' ? e.message : (e.messageZh ?? e.message);

/** `field: message` in the reader's language, for a field error listed away from its field. */
export const fieldErrorLine = (e: FieldError, language: string): string => `${e.field}: ${fieldMessage(e, language)}`;

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    readonly retryAfter: number | null = null,
  ) {
    super(problem?.detail ?? `HTTP ${status}`);
  }
}

export const sessionEnded = 'leadloop:session-ended';

function csrfToken(): string | undefined {
  const entry = document.cookie.split('; ').find((c) => c.startsWith('leadloop_csrf='));
  return entry ? decodeURIComponent(entry.slice('leadloop_csrf='.length)) : undefined;
}

/** `body`: JSON, or FormData for a multipart upload (the browser sets its content type). */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401 && path !== '/auth/login') window.dispatchEvent(new Event(sessionEnded));
    const retryAfter = Number(res.headers.get('retry-after')) || null;
    throw new ApiError(res.status, data as Problem | null, retryAfter);
  }
  return data as T;
}

/** The roles of SPEC §1, as the server declares them. */
export type { Role };

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  active: boolean;
  createdAt: string;
}
