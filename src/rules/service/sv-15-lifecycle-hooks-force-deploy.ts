import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toBool, toObject, toStr } from '../values';
import { SERVICE } from './service-facts';
import { needsEcsController } from './sv-09-10-15-ecs-controller-features';

export const SV15_LIFECYCLE_HOOKS_FORCE_DEPLOY: ResourceRule = {
  id: 'ECS-SV-15',
  title: 'Lifecycle hooks and forced deployments need the ECS controller; nonce 1-255 characters',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags DeploymentConfiguration.LifecycleHooks and ForceNewDeployment on services with a CODE_DEPLOY or EXTERNAL controller, and a ForceNewDeploymentNonce longer than 255 characters or empty.',
  deployError: 'CreateService/UpdateService fails: lifecycle hooks and forceNewDeployment need the ECS deployment controller; invalid nonce length.',
  fix: 'Use the ECS deployment controller, and a nonce of 1 to 255 characters.',
  source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-service.html',
  resourceTypes: [SERVICE],
  onlyWith: ['DeploymentConfiguration/LifecycleHooks', 'ForceNewDeployment'],
  check(service): RuleIssue[] {
    const issues: RuleIssue[] = [];
    const hooks = toArray(toObject(service.properties.DeploymentConfiguration)?.LifecycleHooks);
    if (hooks && hooks.length > 0) issues.push(...needsEcsController(service, 'Properties/DeploymentConfiguration/LifecycleHooks', hooks, 'LifecycleHooks'));
    const force = toObject(service.properties.ForceNewDeployment);
    if (force && toBool(force.EnableForceNewDeployment) === true) {
      issues.push(...needsEcsController(service, 'Properties/ForceNewDeployment', force, 'ForceNewDeployment'));
    }
    const nonce = force?.ForceNewDeploymentNonce === undefined ? undefined : toStr(force.ForceNewDeploymentNonce);
    if (nonce !== undefined && (nonce.length < 1 || nonce.length > 255)) {
      issues.push({ property: 'Properties/ForceNewDeployment/ForceNewDeploymentNonce', value: nonce, problem: `ForceNewDeploymentNonce has ${nonce.length} characters`, allowed: '1 to 255 characters', fix: 'Use a short nonce such as a timestamp or a build number.' });
    }
    return issues;
  },
};
