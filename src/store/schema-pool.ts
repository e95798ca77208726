/** Nurture pool tables (migrations/013-pool.ts): filled by the pool slice. */

// biome-ignore lint/suspicious/noEmptyInterface: the pool slice adds its tables here
export interface PoolTables {}
