import { Construct } from 'constructs';
import { ServiceBase } from './base/service-base';
import { ServiceBaseProps } from './base/service-props';

/** Props of a DaemonService: no count, no autoscaling, no Fargate. */
export interface DaemonServiceProps extends ServiceBaseProps {}

/**
 * One task on every EC2 container instance of the cluster (DAEMON
 * scheduling). Deployments stop a task before starting its replacement:
 * minHealthyPercent 0 and maxHealthyPercent 100 by default (ECS-SV-07).
 * A task definition compatible with both runs on EC2 here.
 */
export class DaemonService extends ServiceBase {
  constructor(scope: Construct, id: string, props: DaemonServiceProps) {
    super(scope, id, props, { daemon: true });
  }
}
