import { ResourceRule, RuleIssue, Severity } from '../rule';
import { serviceConnectTask } from './service-connect';
import { SERVICE } from './service-facts';
import { isWindows } from '../task/task-facts';

/** What ECS-SC-13 allows; kit services say the same when they reject a Windows task before synth. */
export const SC13_ALLOWED = 'Service Connect on Linux tasks only (its proxy is a Linux container)';

export const SC13_LINUX_ONLY: ResourceRule = {
  id: 'ECS-SC-13',
  title: 'Service Connect runs Linux tasks only',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags a service with Service Connect enabled whose task definition (in the template) declares a Windows operating system family '
    + '(RuntimePlatform OperatingSystemFamily WINDOWS_*): the Service Connect proxy ECS adds to each task is a Linux container. A task definition '
    + 'without RuntimePlatform is not judged.',
  deployError: 'CreateService fails: "Unsupported operating system in task definition. Please choose Linux" (aws/copilot-cli#5696).',
  fix: 'Turn Service Connect off for Windows services (reach them through a load balancer or Cloud Map DNS), or run the service on Linux.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration'],
  check(service, ctx): RuleIssue[] {
    const task = serviceConnectTask(service, ctx);
    if (!task || isWindows(task) !== true) return [];
    return [{
      property: 'Properties/ServiceConnectConfiguration/Enabled',
      value: true,
      problem: `Service Connect is enabled, but task definition ${task.path} runs Windows (${String((task.properties.RuntimePlatform as Record<string, unknown>).OperatingSystemFamily)})`,
      allowed: SC13_ALLOWED,
      fix: 'Turn Service Connect off for this service and reach it through a load balancer or Cloud Map DNS (enableCloudMap), or run it on Linux',
    }];
  },
};
