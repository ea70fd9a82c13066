import { allows, referencedResources, roleOf, rolePermissions } from './role-permissions';
import { ecrImageUri } from './task-needs';
import { AssemblyModel, TemplateResource } from '../model';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { containers, containerSecrets, TASK_DEFINITION } from '../task/task-facts';
import { orList, toArray, toObject, toStr } from '../values';

const SECRET = 'AWS::SecretsManager::Secret';
const SECRET_POLICY = 'AWS::SecretsManager::ResourcePolicy';
const PARAMETER = 'AWS::SSM::Parameter';
const REPOSITORY = 'AWS::ECR::Repository';
const LOG_GROUP = 'AWS::Logs::LogGroup';
const BUCKET = 'AWS::S3::Bucket';
const BUCKET_POLICY = 'AWS::S3::BucketPolicy';

interface Need {
  /** The kind of resource ('secret'), or the whole text for a need without one resource. */
  readonly what: string;
  readonly actions: readonly string[];
  readonly target: TemplateResource | '*';
}

export const RC03_EXECUTION_ROLE_REACH: ResourceRule = {
  id: 'ECS-RC-03',
  title: 'The execution role can read the task\'s secrets and environment files, pull its ECR images and write its awslogs group',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'When the execution role and the resource are both in the app: the role\'s policies (inline, attached AWS::IAM::Policy / ManagedPolicy / '
    + 'RolePolicy, and AmazonECSTaskExecutionRolePolicy) must allow secretsmanager:GetSecretValue on each Secrets Manager secret and ssm:GetParameters on '
    + 'each SSM parameter in Secrets and log SecretOptions, secretsmanager:GetSecretValue on the RepositoryCredentials secret of a private registry image, s3:GetObject and s3:GetBucketLocation on the bucket of each EnvironmentFiles entry, ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on each ECR repository of an image (a reference, a literal URI, or a URI joined from literals and AWS::URLSuffix as for a repository imported by ARN) plus ecr:GetAuthorizationToken, '
    + 'and logs:CreateLogStream and logs:PutLogEvents on the awslogs group. Silent when any other managed policy is attached (its content is not in the '
    + 'template), when a policy\'s attachment is unresolved, or when the secret, repository or bucket has a resource policy that allows access.',
  deployError: 'Tasks stop before any container starts: "ResourceInitializationError: unable to pull secrets or registry auth: ... AccessDeniedException" '
    + '(secrets), "ResourceInitializationError: failed to download env files: ... AccessDenied" (environment files), "CannotPullContainerError: ... not authorized to perform: ecr:BatchGetImage" (images), or "failed to create Cloudwatch log stream: '
    + 'AccessDeniedException" (logs); the service never reaches a steady state.',
  fix: 'Grant the execution role read access: secret.grantRead(taskDefinition.obtainExecutionRole()), repository.grantPull(...), logGroup.grantWrite(...), '
    + 's3:GetObject on each environment file and s3:GetBucketLocation on its bucket; '
    + 'ecs.Secret.fromSecretsManager and ContainerImage.fromEcrRepository do this for you.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html',
  resourceTypes: [TASK_DEFINITION],
  check(task, ctx): RuleIssue[] {
    const role = roleOf(task.properties.ExecutionRoleArn, task, ctx.assembly);
    if (!role) return [];
    const needs = taskNeeds(task, ctx.assembly);
    // The role's policies are read only for a task that needs something of the app.
    if (needs.length === 0) return [];
    const perms = rolePermissions(role, ctx.assembly);
    if (!perms.complete) return [];
    const missing: string[] = [];
    for (const need of needs) {
      const denied = need.actions.filter((a) => !allows(perms, a, need.target, ctx.assembly));
      if (denied.length > 0) missing.push(`${denied.join(', ')} on ${need.target === '*' ? need.what : `${need.what} ${need.target.path}`}`);
    }
    if (missing.length === 0) return [];
    return [{
      property: 'Properties/ExecutionRoleArn',
      value: role.logicalId,
      problem: `execution role ${role.path} is not allowed ${orList(missing)}`,
      allowed: 'an execution role whose policies allow reading every secret and environment file, pulling every ECR image and writing the awslogs group of the task',
      fix: 'Grant the missing actions to the execution role (secret.grantRead, repository.grantPull, logGroup.grantWrite, and for an environment file '
        + 's3:GetObject on the file and s3:GetBucketLocation on its bucket, on taskDefinition.obtainExecutionRole()); kit tasks grant environment files. '
        + 'In a template, allow them in a policy of the execution role (an AWS::IAM::Policy whose Roles name it), on those resources.',
    }];
  },
};

/** Secrets with a resource policy (their access is not the role's alone), once per assembly. */
function policiedSecrets(assembly: AssemblyModel): ReadonlySet<TemplateResource> {
  const out = new Set<TemplateResource>();
  for (const p of assembly.ofType(SECRET_POLICY)) for (const r of referencedResources(p.properties.SecretId, p, assembly)) out.add(r);
  return out;
}

/** Buckets whose policy allows something (their access is not the role's alone), once per assembly. */
function policiedBuckets(assembly: AssemblyModel): ReadonlySet<TemplateResource> {
  const out = new Set<TemplateResource>();
  for (const p of assembly.ofType(BUCKET_POLICY)) {
    const statements = toArray(toObject(p.properties.PolicyDocument)?.Statement) ?? [p.properties.PolicyDocument];
    if (!statements.some((st) => toObject(st)?.Effect !== 'Deny')) continue; // enforceSSL and the like only deny
    for (const r of referencedResources(p.properties.Bucket, p, assembly)) out.add(r);
  }
  return out;
}

/** What the execution role must reach, for the resources of the assembly the task names. */
function taskNeeds(task: TemplateResource, assembly: Parameters<typeof referencedResources>[2]): Need[] {
  const needs: Need[] = [];
  // By resource, not by path: a path is looked up only for a finding (at synth, from the construct tree).
  const seen = new Map<string, Set<TemplateResource | '*'>>();
  const add = (need: Need) => {
    const targets = seen.get(need.what) ?? seen.set(need.what, new Set()).get(need.what)!;
    if (!targets.has(need.target)) needs.push(need);
    targets.add(need.target);
  };
  const policied = assembly.derived(policiedSecrets, policiedSecrets);
  for (const { def } of containers(task)) {
    for (const s of containerSecrets(def)) {
      for (const res of referencedResources(toObject(s)?.ValueFrom, task, assembly)) {
        if (res.type === SECRET && !policied.has(res)) add({ what: 'secret', actions: ['secretsmanager:GetSecretValue'], target: res });
        if (res.type === PARAMETER) add({ what: 'parameter', actions: ['ssm:GetParameters'], target: res });
      }
    }
    // Private registry authentication: the agent reads the credentials secret with the execution role.
    for (const res of referencedResources(toObject(def.RepositoryCredentials)?.CredentialsParameter, task, assembly)) {
      if (res.type === SECRET && !policied.has(res)) add({ what: 'registry credentials secret', actions: ['secretsmanager:GetSecretValue'], target: res });
    }
    const uri = ecrImageUri(def.Image);
    if (uri) {
      // A repository named by its URI (ContainerImage.fromRegistry): the role's own policy must allow the pull and the login.
      const inApp = assembly.ofType(REPOSITORY).find((r) => toStr(r.properties.RepositoryName) === uri.repositoryName);
      if (!inApp || inApp.properties.RepositoryPolicyText === undefined) {
        const what = inApp ? 'repository' : `ECR repository ${uri.repositoryName} of ${uri.stackScoped ? 'the stack\'s account' : `account ${uri.account}`}`;
        add({ what, actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], target: inApp ?? '*' });
      }
      add({ what: 'any resource (ECR login)', actions: ['ecr:GetAuthorizationToken'], target: '*' });
    }
    for (const res of referencedResources(def.Image, task, assembly)) {
      if (res.type !== REPOSITORY || res.properties.RepositoryPolicyText !== undefined) continue;
      add({ what: 'repository', actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], target: res });
      add({ what: 'any resource (ECR login)', actions: ['ecr:GetAuthorizationToken'], target: '*' });
    }
    for (const file of toArray(def.EnvironmentFiles) ?? []) {
      for (const res of referencedResources(toObject(file)?.Value, task, assembly)) {
        if (res.type === BUCKET && !assembly.derived(policiedBuckets, policiedBuckets).has(res)) {
          add({ what: 'environment file bucket', actions: ['s3:GetObject', 's3:GetBucketLocation'], target: res });
        }
      }
    }
    const log = toObject(def.LogConfiguration);
    if (toStr(log?.LogDriver) === 'awslogs') {
      for (const res of referencedResources(toObject(log?.Options)?.['awslogs-group'], task, assembly)) {
        if (res.type === LOG_GROUP) add({ what: 'log group', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], target: res });
      }
    }
  }
  return needs;
}
