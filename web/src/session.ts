/** Who is signed in: GET /auth/me through react-query; null when nobody is. */
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, type User } from './api';

export const meKey = ['auth', 'me'] as const;

export async function fetchMe(): Promise<User | null> {
  try {
    return (await api<{ user: User }>('GET', '/auth/me')).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 30_000, retry: false });
}

/** Only a path of this site may be a return address (no `//host` or `https://…`). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}
