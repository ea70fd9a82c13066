import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toObject, toStr } from '../values';
import { LIFECYCLE_STAGES } from './deployment-facts';
import { SERVICE } from './service-facts';

export const DP06_LIFECYCLE_HOOKS: ResourceRule = {
  id: 'ECS-DP-06',
  title: 'Lifecycle hooks name known stages, each once, and a Lambda hook its target and role',
  area: 'service',
  severity: Severity.ERROR,
  description: `Checks DeploymentConfiguration.LifecycleHooks: each hook has one or more LifecycleStages from ${LIFECYCLE_STAGES.join(', ')}, none repeated, and a Lambda hook (TargetType AWS_LAMBDA, the default) a HookTargetArn and a RoleArn ECS assumes to invoke it. A PAUSE hook waits for ContinueServiceDeployment and has neither.`,
  deployError: 'CreateService/UpdateService fails: invalid lifecycle stage, or a hook without its target or role (ECS cannot invoke it and rolls the deployment back).',
  fix: 'Give each hook the stages it runs at, and a Lambda hook its function ARN and a role that may invoke it.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentLifecycleHook.html',
  resourceTypes: [SERVICE],
  onlyWith: ['DeploymentConfiguration/LifecycleHooks'],
  check(service): RuleIssue[] {
    const hooks = toArray(toObject(service.properties.DeploymentConfiguration)?.LifecycleHooks);
    if (!hooks) return [];
    const issues: RuleIssue[] = [];
    hooks.forEach((h, i) => {
      const hook = toObject(h);
      if (!hook) return;
      const pointer = `Properties/DeploymentConfiguration/LifecycleHooks/${i}`;
      // A PAUSE hook (or an unresolved type) has no target to invoke.
      const lambda = hook.TargetType === undefined || hook.TargetType === 'AWS_LAMBDA';
      for (const key of lambda ? ['HookTargetArn', 'RoleArn'] : []) {
        if (hook[key] !== undefined && hook[key] !== '') continue;
        issues.push({
          property: `${pointer}/${key}`,
          value: hook[key],
          problem: `Lambda lifecycle hook #${i} has no ${key}`,
          allowed: key === 'HookTargetArn' ? 'a Lambda function ARN' : 'the ARN of a role ECS assumes, allowed lambda:InvokeFunction on the hook target',
          fix: `Set ${key}, or TargetType PAUSE for a hook that waits for ContinueServiceDeployment.`,
        });
      }
      const stages = toArray(hook.LifecycleStages);
      if (!stages) return;
      const names = stages.map(toStr);
      // An unknown stage first: it is the one the user cannot see by reading the list twice.
      const unknown = names.find((n) => n !== undefined && !LIFECYCLE_STAGES.includes(n));
      const repeated = names.find((n, j) => n !== undefined && names.indexOf(n) !== j);
      if (stages.length === 0 || unknown !== undefined || repeated !== undefined) {
        issues.push({
          property: `${pointer}/LifecycleStages`,
          value: hook.LifecycleStages,
          problem: stages.length === 0 ? `lifecycle hook #${i} has no LifecycleStages`
            : unknown !== undefined ? `lifecycle hook #${i} has unknown stage '${unknown}'` : `lifecycle hook #${i} lists stage ${repeated} twice`,
          allowed: `one or more distinct stages of ${LIFECYCLE_STAGES.join(', ')}`,
          fix: 'List each stage once, with its exact name.',
        });
      }
    });
    return issues;
  },
};
