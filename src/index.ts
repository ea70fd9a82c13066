// Public API of cdk-ecs-kit: re-exports only.
export * from './rules/finding';
export { EcsKitErrors } from './errors';
export * from './quotas/quota-table';
export * from './quotas/quota-profile';
export * from './plugin';
export * from './cluster';
export * from './capacity';
export * from './task';
export * from './service';
export * from './fleet';
export * from './registry';
export * from './security';
export * from './standards';
