export * from './ecs-checks';
export * from './violation-severity';
