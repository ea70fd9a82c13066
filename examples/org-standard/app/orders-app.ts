/**
 * A team's app that applies the platform standard: one line after `new App()`.
 * Kit constructs created afterwards take the standard's defaults (log
 * retention, tags); EcsChecks, the ORG rules and AwsSolutions run at synth.
 */
import { App, Stack, Tags } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { hardenedVpc } from '../../hardened-vpc';
import { ACME_STANDARD, EcsCluster, FargateTask, WorkerService } from '../platform';

/** The team's image, from the org's ECR account. */
export const ORDERS_IMAGE = '111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders-worker:1.4.2';

/** The app: the standard first, then the stacks. */
export function buildOrdersApp(app: App): Stack {
  ACME_STANDARD.apply(app);
  return buildOrdersStack(app);
}

/** The team's stack (the compliance matrix adds it to an app with another standard). */
export function buildOrdersStack(app: App): Stack {
  const stack = new Stack(app, 'Orders');
  Tags.of(stack).add('team', 'orders');
  Tags.of(stack).add('cost-center', 'cc-1234');

  const vpc = hardenedVpc(stack, 'Vpc');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc });
  const task = new FargateTask(stack, 'WorkerTask', { container: { image: ecs.ContainerImage.fromRegistry(ORDERS_IMAGE) } });
  new WorkerService(stack, 'Worker', { cluster, task });
  return stack;
}

if (require.main === module) {
  buildOrdersApp(new App());
}
