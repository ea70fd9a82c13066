// Registry layer: repositories, replication, scanning, pull-through cache.
export * from './secure-repository';
export * from './secure-repository-props';
export * from './repository-image';
export * from './registry-replication';
export * from './registry-scanning';
export * from './pull-through-cache';
