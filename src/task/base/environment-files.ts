/**
 * Execution-role access to a container's environment files: ECS downloads them with the execution role
 * (s3:GetObject on the file, s3:GetBucketLocation on its bucket), and aws-cdk-lib grants neither.
 */
import { Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';

/** Grant `executionRole` what ECS needs to read each environment file of `container`. */
export function grantEnvironmentFiles(container: ecs.ContainerDefinition, executionRole: iam.IRole): void {
  const files = container.environmentFiles ?? [];
  if (files.length === 0) return;
  const partition = Stack.of(container).partition;
  const objects = files.map((f) => f.s3Location && `arn:${partition}:s3:::${f.s3Location.bucketName}/${f.s3Location.objectKey}`);
  const buckets = files.map((f) => f.s3Location && `arn:${partition}:s3:::${f.s3Location.bucketName}`);
  executionRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: unique(objects) }));
  executionRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetBucketLocation'], resources: unique(buckets) }));
}

function unique(list: (string | undefined)[]): string[] {
  return [...new Set(list.filter((s): s is string => s !== undefined))];
}
