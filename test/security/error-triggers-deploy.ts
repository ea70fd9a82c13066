/** Triggers for KIT-SERVICE-DEPLOYMENT: deployment options that do not fit the strategy or the service shape. */
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { certificate, ec2Task, env, ErrorTrigger, fargateTask, web } from './error-triggers';
import { DaemonService, NetworkLoadBalancedService, ServiceDeployment, WebService, WorkerService } from '../../src';

const worker = (extra: object, e = env()) => new WorkerService(e.stack, 'Worker', { cluster: e.cluster, task: fargateTask(e.stack), ...extra });
const hooked = (stages: string[]) => {
  const e = env();
  const handler = lambda.Function.fromFunctionArn(e.stack, 'Hook', 'arn:aws:lambda:eu-west-1:111111111111:function:check');
  return worker({ deployment: ServiceDeployment.blueGreen({ lifecycleHooks: [{ handler, stages: stages as ecs.DeploymentLifecycleStage[] }] }) }, e);
};

export const DEPLOYMENT_TRIGGERS: ErrorTrigger[] = [
  {
    code: 'KIT-SERVICE-DEPLOYMENT',
    prop: 'strategy',
    bad: 'BLUE_GREEN',
    trigger: () => { const e = env(); e.cluster.addEc2Capacity('Ec2'); new DaemonService(e.stack, 'D', { cluster: e.cluster, task: ec2Task(e.stack), deployment: ServiceDeployment.blueGreen() }); },
  },
  { code: 'KIT-SERVICE-DEPLOYMENT', prop: 'stages', bad: 'empty', trigger: () => hooked([]) },
  { code: 'KIT-SERVICE-DEPLOYMENT', prop: 'stages', bad: "'BEFORE_INSTALL'", trigger: () => hooked(['BEFORE_INSTALL']) },
  { code: 'KIT-SERVICE-DEPLOYMENT', prop: 'stepPercent', bad: 'BLUE_GREEN', trigger: () => worker({ deployment: ServiceDeployment.blueGreen({ stepPercent: 10 } as object) }) },
  { code: 'KIT-SERVICE-DEPLOYMENT', prop: 'testListenerPort', bad: '8443', trigger: () => worker({ deployment: ServiceDeployment.blueGreen({ testListenerPort: 8443 }) }) },
  { code: 'KIT-SERVICE-DEPLOYMENT', prop: 'testListenerPort', bad: '8443', trigger: () => web({ deployment: ServiceDeployment.blueGreen({ testListenerPort: 8443 }) }) },
  {
    code: 'KIT-SERVICE-DEPLOYMENT',
    prop: 'testListenerPort',
    bad: '443',
    trigger: () => { const e = env(); new NetworkLoadBalancedService(e.stack, 'N', { cluster: e.cluster, task: fargateTask(e.stack), certificate: certificate(e.stack), deployment: ServiceDeployment.blueGreen({ testListenerPort: 443 }) }); },
  },
  {
    code: 'KIT-SERVICE-DEPLOYMENT',
    prop: 'additionalTargets',
    bad: '1',
    trigger: () => web({ deployment: ServiceDeployment.blueGreen(), additionalTargets: [{ containerPort: 8080, priority: 5, pathPatterns: ['/b/*'] }] }),
  },
  {
    code: 'KIT-SERVICE-DEPLOYMENT',
    prop: 'testListenerRulePriority',
    bad: 'not set',
    trigger: () => {
      const e = env();
      const edge = web({}, e);
      new WebService(e.stack, 'Api', { cluster: e.cluster, task: fargateTask(e.stack, 'ApiTask'), listener: edge.listener, priority: 20, pathPatterns: ['/api/*'], deployment: ServiceDeployment.canary() });
    },
  },
];
