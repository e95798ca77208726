/** The people of the workspace (GET /users), one cached list for every screen that names them. */
import { useQuery } from '@tanstack/react-query';
import { api, type User } from './api';

export const usersKey = ['users'] as const;

export function fetchUsers() {
  return api<{ items: User[] }>('GET', '/users');
}

/** `enabled: false` for roles the API would refuse (an SDR may not list users). */
export function useUsers(enabled = true) {
  return useQuery({ queryKey: usersKey, queryFn: fetchUsers, enabled, retry: false, staleTime: 60_000 });
}
