import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toNumber, toObject, toStr } from '../values';
import { controllerType, schedulingStrategy, SERVICE } from './service-facts';

export const SV08_MIN_BELOW_MAX: ResourceRule = {
  id: 'ECS-SV-08',
  title: 'Rolling deployments need minimumHealthyPercent below maximumPercent',
  area: 'service',
  severity: Severity.WARNING,
  description: 'For rolling (ECS controller) deployments, flags DeploymentConfiguration MinimumHealthyPercent >= MaximumPercent, using the ECS defaults (REPLICA 100/200, DAEMON 0/100) for an omitted value. aws-cdk-lib checks this for Ec2Service and ExternalService but not FargateService or L1 services.',
  deployError: 'The service is created, but every later deployment stalls: "unable to stop or start tasks during a deployment because of the service deployment configuration".',
  fix: 'Raise maximumPercent above minimumHealthyPercent (for example 100/200) or lower minimumHealthyPercent.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html',
  resourceTypes: [SERVICE],
  check(service): RuleIssue[] {
    if (controllerType(service) !== 'ECS') return [];
    const scheduling = schedulingStrategy(service);
    if (scheduling !== 'REPLICA' && scheduling !== 'DAEMON') return [];
    if (toNumber(service.properties.DesiredCount) === 0) return [];
    const raw = service.properties.DeploymentConfiguration;
    const config = raw === undefined ? {} : toObject(raw);
    if (!config) return [];
    // Blue/green, linear and canary strategies size their deployments differently.
    const strategy = config.Strategy === undefined ? 'ROLLING' : toStr(config.Strategy);
    if (strategy !== 'ROLLING') return [];
    const daemon = scheduling === 'DAEMON';
    const min = config.MinimumHealthyPercent === undefined ? (daemon ? 0 : 100) : toNumber(config.MinimumHealthyPercent);
    const max = config.MaximumPercent === undefined ? (daemon ? 100 : 200) : toNumber(config.MaximumPercent);
    if (min === undefined || max === undefined || min < max) return [];
    const minSet = config.MinimumHealthyPercent !== undefined;
    const maxSet = config.MaximumPercent !== undefined;
    return [{
      property: maxSet || !minSet ? 'Properties/DeploymentConfiguration/MaximumPercent' : 'Properties/DeploymentConfiguration/MinimumHealthyPercent',
      value: maxSet || !minSet ? config.MaximumPercent : config.MinimumHealthyPercent,
      problem: `DeploymentConfiguration MinimumHealthyPercent ${min}${minSet ? '' : ' (default)'} is not below MaximumPercent ${max}${maxSet ? '' : ' (default)'}`,
      allowed: 'MinimumHealthyPercent < MaximumPercent',
      fix: daemon
        ? `Lower MinimumHealthyPercent below ${max} so ECS can stop a daemon task before starting its replacement.`
        : `Raise MaximumPercent above ${min} (for example ${Math.max(200, min + 100)}) or lower MinimumHealthyPercent below ${max}.`,
    }];
  },
};
