export * from './ecs-cluster';
export * from './action-logs';
