/** The people of the workspace (GET /users), one cached list for every screen that names them. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type User } from './api';

export const usersKey = ['users'] as const;

export const usersQuery = queryOptions({
  queryKey: usersKey,
  queryFn: () => api<{ items: User[] }>('GET', '/users'),
  retry: false,
  staleTime: 60_000,
});

/** `enabled: false` for roles the API would refuse (an SDR may not list users). */
export function useUsers(enabled = true) {
  return useQuery({ ...usersQuery, enabled });
}

export interface Colleague {
  id: string;
  name: string;
  role: User['role'];
  teamId: string | null;
}

/** Every colleague's name and role (GET /users/names): any role may read them, to name people. */
export const colleaguesQuery = queryOptions({
  queryKey: ['users', 'names'],
  queryFn: () => api<{ items: Colleague[] }>('GET', '/users/names'),
  retry: false,
  staleTime: 60_000,
});

export function useColleagues() {
  return useQuery(colleaguesQuery);
}
