export * from './ecs-checks';
