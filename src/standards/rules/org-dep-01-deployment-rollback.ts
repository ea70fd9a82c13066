import { ECS_SERVICE, OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { controllerType } from '../../rules/service/service-facts';
import { toBool, toObject } from '../../rules/values';

/** True / false when the setting (DeploymentCircuitBreaker or Alarms) decidably rolls back or not; undefined when unresolved. */
function rollsBack(setting: unknown): boolean | undefined {
  if (setting === undefined) return false;
  const obj = toObject(setting);
  if (!obj) return undefined;
  const enable = obj.Enable === undefined ? false : toBool(obj.Enable);
  const rollback = obj.Rollback === undefined ? false : toBool(obj.Rollback);
  if (enable === false || rollback === false) return false;
  return enable === undefined || rollback === undefined ? undefined : true;
}

export const ORG_DEP_01_DEPLOYMENT_ROLLBACK: OrgRule = {
  id: 'ORG-DEP-01',
  title: 'Services roll back a failed deployment when the standard requires it',
  area: 'org',
  severity: Severity.ERROR,
  description: 'When requireDeploymentRollback is set, every ECS service with the ECS deployment controller (rolling, blue/green, linear '
    + 'or canary) enables the deployment circuit breaker with Rollback, or CloudWatch deployment alarms with Rollback. Services with the '
    + 'CODE_DEPLOY or EXTERNAL controller roll back by their own controller and are not judged, nor are unresolved settings.',
  deployError: 'Deploys, but a revision whose tasks never become healthy keeps ECS replacing tasks until CloudFormation times out (up to '
    + '3 hours), and the service is left on the broken revision or a mix of both.',
  fix: 'Turn on the circuit breaker with rollback (circuitBreaker: { rollback: true } in aws-cdk-lib; kit services have it by default), '
    + 'or deployment alarms with rollback.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html',
  resourceTypes: [ECS_SERVICE],
  appliesTo: (s) => s.requireDeploymentRollback === true,
  check(resource, _context, standard) {
    if (controllerType(resource) !== 'ECS') return [];
    const deployment = resource.properties.DeploymentConfiguration;
    const config = deployment === undefined ? {} : toObject(deployment);
    if (!config) return [];
    const breaker = rollsBack(config.DeploymentCircuitBreaker);
    const alarms = rollsBack(config.Alarms);
    if (breaker !== false || alarms !== false) return [];
    return [{
      property: 'Properties/DeploymentConfiguration',
      value: deployment,
      problem: `ECS service does not roll back a failed deployment (no circuit breaker or deployment alarms with Rollback), which ${standardLabel(standard)} requires`,
      allowed: 'DeploymentCircuitBreaker { Enable: true, Rollback: true } or Alarms { Enable: true, Rollback: true }',
      fix: 'Set circuitBreaker: { rollback: true } on the service (kit services have it by default), or deployment alarms with rollback',
    }];
  },
};
