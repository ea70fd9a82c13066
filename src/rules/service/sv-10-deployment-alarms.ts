import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray } from '../values';
import { SERVICE } from './service-facts';
import { enabledSetting, needsEcsController } from './sv-09-10-15-ecs-controller-features';

export const SV10_DEPLOYMENT_ALARMS: ResourceRule = {
  id: 'ECS-SV-10',
  title: 'Deployment alarms need the ECS controller and at least one alarm name',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags DeploymentConfiguration.Alarms Enable true with a CODE_DEPLOY or EXTERNAL controller, or with an empty AlarmNames list.',
  deployError: 'CreateService fails: deployment alarms are only supported for the ECS deployment controller, and need alarm names.',
  fix: 'Use the ECS deployment controller and list at least one CloudWatch alarm name.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentAlarms.html',
  resourceTypes: [SERVICE],
  onlyWith: ['DeploymentConfiguration/Alarms'],
  check(service): RuleIssue[] {
    const alarms = enabledSetting(service, 'Alarms');
    if (!alarms) return [];
    const pointer = 'Properties/DeploymentConfiguration/Alarms';
    const issues = needsEcsController(service, pointer, alarms, 'deployment Alarms');
    const names = alarms.AlarmNames === undefined ? [] : toArray(alarms.AlarmNames);
    if (names && names.length === 0) {
      issues.push({ property: `${pointer}/AlarmNames`, value: alarms.AlarmNames, problem: 'deployment Alarms are enabled with no AlarmNames', allowed: 'at least one alarm name', fix: 'List the CloudWatch alarms that should stop the deployment, or set Enable false.' });
    }
    return issues;
  },
};
