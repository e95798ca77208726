/**
 * A screen may export `prefetch`: main.tsx calls it (with the path, for a screen of one record,
 * and the signed-in user, for reads that depend on the role) as soon as the screen's chunk is
 * there, so its first API reads run while React renders the shell and the screen, not after.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { User } from './api';

export type Prefetch = (client: QueryClient, pathname: string, user: User) => void;

/**
 * How long a screen's reads count as fresh: the screen mounting just after its prefetch takes
 * that answer instead of asking again. Live updates and the refresh buttons still refetch at once.
 */
export const prefetchedFreshMs = 5_000;
