export * from './ecs-cluster';
