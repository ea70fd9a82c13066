import { ResourceRule, RuleIssue, Severity } from '../rule';
import { containers, requiresFargate, TASK_DEFINITION } from '../task/task-facts';
import { toArray, toObject, toStr } from '../values';
import { imageSource } from './task-needs';

export const RC02_EXECUTION_ROLE_REQUIRED: ResourceRule = {
  id: 'ECS-RC-02',
  title: 'Secrets, private registry credentials, environment files, and on Fargate awslogs and ECR images, need an execution role',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'Flags task definitions without ExecutionRoleArn whose containers use Secrets, log driver SecretOptions, RepositoryCredentials or EnvironmentFiles (any launch type), '
    + 'or, on Fargate, the awslogs log driver or an ECR image. On EC2 the container instance role pulls ECR images and writes awslogs, '
    + 'so those are not flagged there.',
  deployError: 'RegisterTaskDefinition fails and the stack rolls back: "Fargate requires task definition to have execution role ARN to support log driver awslogs" '
    + '(or "... to support ECR images"), or "When you are specifying container secrets, you must also specify a value for \'executionRoleArn\'"; '
    + 'environment files are downloaded with the execution role, so without one the tasks stop at start ("failed to download env files").',
  fix: 'Set ExecutionRoleArn to a role trusted by ecs-tasks.amazonaws.com with AmazonECSTaskExecutionRolePolicy (aws-cdk-lib and the kit create one when a container needs it).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html',
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    if (task.properties.ExecutionRoleArn !== undefined) return [];
    const fargate = requiresFargate(task) === true;
    const uses: string[] = [];
    for (const { def, index } of containers(task)) {
      const name = toStr(def.Name) ?? `#${index}`;
      if ((toArray(def.Secrets)?.length ?? 0) > 0) uses.push(`container '${name}' reads secrets`);
      const log = toObject(def.LogConfiguration);
      if ((toArray(log?.SecretOptions)?.length ?? 0) > 0) uses.push(`container '${name}' passes secrets to its log driver (SecretOptions)`);
      if (toObject(def.RepositoryCredentials) !== undefined) uses.push(`container '${name}' pulls with registry credentials`);
      if ((toArray(def.EnvironmentFiles)?.length ?? 0) > 0) uses.push(`container '${name}' reads environment files from S3`);
      if (fargate && toStr(log?.LogDriver) === 'awslogs') uses.push(`container '${name}' logs with awslogs`);
      if (fargate && imageSource(def.Image) === 'ecr') uses.push(`container '${name}' pulls an ECR image`);
    }
    if (uses.length === 0) return [];
    return [{
      property: 'Properties/ExecutionRoleArn',
      value: null,
      problem: `${fargate ? 'Fargate task' : 'task'} definition has no ExecutionRoleArn but ${uses.join(', ')}`,
      allowed: 'an ExecutionRoleArn whenever a container reads secrets (Secrets or log SecretOptions) or environment files or uses registry credentials, and on Fargate for awslogs and ECR images',
      fix: 'Set ExecutionRoleArn to a role for ecs-tasks.amazonaws.com with the AmazonECSTaskExecutionRolePolicy managed policy (plus read access to the secrets '
        + 'and environment files).',
    }];
  },
};
