/** Policy statements for EcsCluster.grantDescribe / grantOperate: one cluster, by ARN and the ecs:cluster condition key. */
import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';

/** Read-only actions on the cluster resource itself. */
const CLUSTER_READ = ['ecs:DescribeClusters', 'ecs:ListContainerInstances'];
/** Read-only actions on resources inside the cluster. */
const MEMBER_READ = ['ecs:DescribeServices', 'ecs:DescribeTasks', 'ecs:DescribeContainerInstances', 'ecs:ListTasks'];
/** Day-2 operations inside the cluster: scale and redeploy services, stop tasks, exec, drain instances. */
const MEMBER_OPERATE = ['ecs:UpdateService', 'ecs:StopTask', 'ecs:UpdateContainerInstancesState'];

/** Statements for the cluster `clusterArn` named `clusterName`; `operate` adds the day-2 actions. */
export function clusterStatements(scope: IConstruct, clusterArn: string, clusterName: string, operate: boolean): iam.PolicyStatement[] {
  const stack = Stack.of(scope);
  const member = (resource: string) => stack.formatArn({
    service: 'ecs', resource, resourceName: `${clusterName}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
  const inCluster = { ArnEquals: { 'ecs:cluster': clusterArn } };
  const statements = [
    new iam.PolicyStatement({ sid: 'Cluster', actions: CLUSTER_READ, resources: [clusterArn] }),
    new iam.PolicyStatement({
      sid: 'Members',
      actions: operate ? [...MEMBER_READ, ...MEMBER_OPERATE] : MEMBER_READ,
      resources: [member('service'), member('task'), member('container-instance')],
      conditions: inCluster,
    }),
    // ListServices takes no resource ARN; the ecs:cluster condition scopes it.
    new iam.PolicyStatement({ sid: 'ListServices', actions: ['ecs:ListServices'], resources: ['*'], conditions: inCluster }),
  ];
  if (operate) {
    // ECS Exec is authorised on the cluster and the task.
    statements.push(new iam.PolicyStatement({
      sid: 'ExecuteCommand', actions: ['ecs:ExecuteCommand'], resources: [clusterArn, member('task')],
    }));
  }
  return statements;
}
