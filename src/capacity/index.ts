export * from './agent-settings';
export * from './ec2-capacity';
export * from './ec2-capacity-image';
export * from './managed-instances-capacity';
