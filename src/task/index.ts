export { FargateSize, FargateSizeRequest, FargateOperatingSystem } from './fargate/fargate-size';
export { TaskBase, TaskBaseProps } from './base/task-base';
export { TaskContainerOptions } from './base/container-defaults';
export { EfsVolumeOptions, EbsVolumeOptions, DockerVolumeOptions } from './base/volumes';
export { FargateTask, FargateTaskProps } from './fargate/fargate-task';
export { Ec2Task, Ec2TaskProps } from './ec2/ec2-task';
export { TaskDefinitionJson } from './json/task-definition-json';
