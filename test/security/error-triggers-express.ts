/** Triggers for the Express Mode (ECS-XM-*) and VPC Lattice (ECS-LT-*) ids constructs throw at construction. */
import { env, ErrorTrigger, fargateTask, IMAGE } from './error-triggers';
import { ExpressService, ExpressServiceProps, FargateSize, WorkerService } from '../../src';

const express = (extra: Partial<ExpressServiceProps>) => {
  const e = env();
  return new ExpressService(e.stack, 'X', { cluster: e.cluster, image: IMAGE, ...extra });
};

export const EXPRESS_TRIGGERS: ErrorTrigger[] = [
  { code: 'ECS-XM-01', prop: 'size', bad: 'WINDOWS', trigger: () => express({ size: FargateSize.windows(1024, 2048) }) },
  { code: 'ECS-XM-02', prop: 'containerPort', bad: '0', trigger: () => express({ containerPort: 0 }) },
  { code: 'ECS-XM-03', prop: 'healthCheckPath', bad: "'health'", trigger: () => express({ healthCheckPath: 'health' }) },
  { code: 'ECS-XM-04', prop: 'minTasks', bad: '5', trigger: () => express({ scaling: { minTasks: 5, maxTasks: 2 } }) },
  { code: 'ECS-XM-05', prop: 'targetValue', bad: '0', trigger: () => express({ scaling: { targetValue: 0 } }) },
  {
    code: 'ECS-LT-02',
    prop: 'vpcLattice.portMappingName',
    bad: "'api'",
    trigger: () => {
      const e = env();
      return new WorkerService(e.stack, 'W', { cluster: e.cluster, task: fargateTask(e.stack, 'T', 8080, 'http'), vpcLattice: { portMappingName: 'api' } });
    },
  },
  { code: 'ECS-XM-06', prop: 'serviceName', bad: "'my.app'", trigger: () => express({ serviceName: 'my.app' }) },
];
