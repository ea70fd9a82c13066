/**
 * Pull access for an image named by its private ECR URI (`ContainerImage.fromRegistry('<account>.dkr.ecr...')`, or
 * `fromRegistry(repository.repositoryUriForTag(tag))` of a repository imported by ARN or by name):
 * aws-cdk-lib only warns that "proper policies need to be attached", and the task would stop with
 * CannotPullContainerError. `ContainerImage.fromEcrRepository` grants the same itself.
 */
import { Annotations, Stack, Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ecrImageUri } from '../../rules/reach/task-needs';

/** Repository pull actions, as aws-cdk-lib's grantPull writes them. */
const PULL_ACTIONS = ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'];

/** Grant `executionRole` the pull of `container`'s image when a literal ECR URI names it; true when granted. */
export function grantRegistryImagePull(container: ecs.ContainerDefinition, image: ecs.ContainerImage, executionRole: iam.IRole): boolean {
  if (image instanceof ecs.EcrImage || image instanceof ecs.AssetImage) return false; // they grant it themselves
  // A repository imported by ARN (or by name in a stack with a literal account and Region) renders its URI as a join of literals and AWS::URLSuffix.
  const name = container.imageName;
  const uri = ecrImageUri(Token.isUnresolved(name) ? Stack.of(container).resolve(name) : name);
  if (!uri) return false;
  // In the stack's own account and Region (a repository imported by name in an env-agnostic stack): the same pseudo parameters.
  const arn = uri.stackScoped ? Stack.of(container).formatArn({ service: 'ecr', resource: 'repository', resourceName: uri.repositoryName })
    : `arn:${uri.partition}:ecr:${uri.region}:${uri.account}:repository/${uri.repositoryName}`;
  executionRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: PULL_ACTIONS, resources: [arn] }));
  executionRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }));
  // aws-cdk-lib's warning asks for exactly these policies.
  Annotations.of(container).acknowledgeWarning('@aws-cdk/aws-ecs:ecrImageRequiresPolicy',
    'cdk-ecs-kit granted the execution role the pull of this repository and ecr:GetAuthorizationToken');
  return true;
}
