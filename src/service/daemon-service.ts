import { Construct } from 'constructs';
import { fail } from '../errors';
import { ServiceBase } from './base/service-base';
import { ServiceBaseProps } from './base/service-props';

/** Props of a DaemonService: no count, no autoscaling, no Fargate. */
export interface DaemonServiceProps extends ServiceBaseProps {}

/**
 * One task on every EC2 container instance of the cluster (DAEMON
 * scheduling). Deployments stop a task before starting its replacement:
 * minHealthyPercent 0 and maxHealthyPercent 100 by default (ECS-SV-07).
 */
export class DaemonService extends ServiceBase {
  constructor(scope: Construct, id: string, props: DaemonServiceProps) {
    if (props.task.isFargate) {
      fail({
        code: 'ECS-SV-07',
        path: `${scope.node.path}/${id}`,
        problem: `task ${props.task.node.path} is a FargateTask`,
        allowed: 'an Ec2Task: Fargate does not support the DAEMON scheduling strategy',
        fix: 'Use an Ec2Task on EC2 capacity.',
      });
    }
    super(scope, id, props, { daemon: true });
  }
}
