import { allows, roleOf, rolePermissions } from './role-permissions';
import { parseEcrImageUri } from './task-needs';
import { containerPath } from '../container/container-facts';
import type { TemplateResource } from '../model';
import { prefixKey, probablySameRegistry } from '../registry/registry-scope';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { containerLabel, containers, TASK_DEFINITION } from '../task/task-facts';
import { once, toStr } from '../values';

const PULL_THROUGH_CACHE_RULE = 'AWS::ECR::PullThroughCacheRule';
const REGISTRY_POLICY = 'AWS::ECR::RegistryPolicy';
const REPOSITORY = 'AWS::ECR::Repository';
const IMPORT = 'ecr:BatchImportUpstreamImage';
const CREATE = 'ecr:CreateRepository';

export const RC26_PULL_THROUGH_CACHE_IMPORT: ResourceRule = {
  id: 'ECS-RC-26',
  title: 'An image pulled through a pull-through cache rule: the execution role can import it',
  area: 'reach',
  severity: Severity.WARNING,
  description: 'For a container whose Image is a literal private ECR URI under the prefix of an AWS::ECR::PullThroughCacheRule of the app (probably the '
    + 'same registry; ROOT rules are not matched), when the execution role is in the app and all its policies are in the template: warns when they do '
    + 'not allow ecr:BatchImportUpstreamImage, or ecr:CreateRepository while no repository of that name is in the app. The first pull of an image the '
    + 'cache does not hold yet needs both. A warning: the registry permissions policy can grant them too, and it may live outside the app (silent when '
    + 'an AWS::ECR::RegistryPolicy is in the app).',
  deployError: 'Tasks stop before the container starts: the image cannot be pulled, because ECR may not import it from the upstream registry (or create '
    + 'the repository that caches it) on the execution role\'s behalf. Tasks pulling images the cache already holds still start, so it fails per image and tag.',
  fix: 'Use the cache\'s own image (the kit\'s PullThroughCacheRule.containerImage(upstreamRepository, tag) grants both actions), or grant the execution '
    + 'role ecr:BatchImportUpstreamImage and ecr:CreateRepository on the cached repository, or allow them in the registry permissions policy.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-iam.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/Image'],
  check(task, ctx): RuleIssue[] {
    const rules = ctx.assembly.ofType(PULL_THROUGH_CACHE_RULE);
    // Most apps have no pull-through cache rule: nothing else is read.
    if (rules.length === 0 || ctx.assembly.ofType(REGISTRY_POLICY).some((p) => probablySameRegistry(p.stack, task.stack))) return [];
    const issues: RuleIssue[] = [];
    // The role and its policies are read only for a container that pulls through a rule, once per task.
    const role = once(() => roleOf(task.properties.ExecutionRoleArn, task, ctx.assembly));
    const perms = once(() => { const r = role(); return r ? rolePermissions(r, ctx.assembly) : undefined; });
    for (const { def, index } of containers(task)) {
      const image = typeof def.Image === 'string' ? def.Image : undefined;
      const uri = image === undefined ? undefined : parseEcrImageUri(image);
      if (!uri) continue;
      const rule = rules.find((r) => caches(r, uri.repositoryName) && sameRegistry(r, uri));
      if (!rule) continue;
      const permissions = perms();
      if (!permissions?.complete) return issues;
      const cachedRepository = ctx.assembly.ofType(REPOSITORY).find((r) => toStr(r.properties.RepositoryName) === uri.repositoryName);
      const missing = [IMPORT, ...(cachedRepository ? [] : [CREATE])].filter((a) => !allows(permissions, a, cachedRepository ?? '*', ctx.assembly));
      if (missing.length === 0) continue;
      const prefix = toStr(rule.properties.EcrRepositoryPrefix)!;
      issues.push({
        property: containerPath(index, 'Image'),
        value: image,
        problem: `${containerLabel(def, index)} pulls ${image} through pull-through cache rule ${rule.path} (prefix ${prefix}), but execution role `
          + `${role()!.path} is not allowed ${missing.join(' or ')}: the first pull of an image the cache does not hold yet fails`,
        allowed: `an execution role allowed ${IMPORT} and ${CREATE} on repository ${uri.repositoryName} (or a registry permissions policy that grants them)`,
        fix: `Use the rule's own image (kit PullThroughCacheRule.containerImage('${uri.repositoryName.slice(prefixKey(prefix).length + 1)}', tag) grants both), `
          + `or grant ${missing.join(' and ')} on arn:${uri.partition}:ecr:${uri.region}:${uri.account}:repository/${uri.repositoryName} to the execution role.`,
      });
    }
    return issues;
  },
};

/** Whether the rule's literal prefix is the first part of the repository name (ROOT caches anything: not matched). */
function caches(rule: TemplateResource, repositoryName: string): boolean {
  const prefix = toStr(rule.properties.EcrRepositoryPrefix);
  return prefix !== undefined && prefix !== 'ROOT' && repositoryName.startsWith(`${prefixKey(prefix)}/`);
}

/** The URI names the rule's registry unless the rule's stack names another account or Region (an env-agnostic stack may be any). */
function sameRegistry(rule: TemplateResource, uri: { account: string; region: string }): boolean {
  const stack = rule.stack;
  return (stack.account === undefined || stack.account === uri.account) && (stack.region === undefined || stack.region === uri.region);
}
