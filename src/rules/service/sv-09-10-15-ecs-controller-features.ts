/** Deployment features that only the ECS deployment controller supports (ECS-SV-09, ECS-SV-10, ECS-SV-15). */
import { TemplateResource } from '../model';
import { RuleIssue } from '../rule';
import { toBool, toObject } from '../values';
import { controllerType } from './service-facts';

/** Issue when `feature` (a present, enabled setting) is used with a non-ECS controller. */
export function needsEcsController(service: TemplateResource, pointer: string, value: unknown, feature: string): RuleIssue[] {
  const controller = controllerType(service);
  if (controller === undefined || controller === 'ECS') return [];
  return [{
    property: pointer,
    value,
    problem: `${feature} is set on a service with the ${controller} deployment controller`,
    allowed: `${feature} only with the ECS deployment controller`,
    fix: `Remove ${feature}, or use DeploymentController Type ECS.`,
  }];
}

/** DeploymentConfiguration.<key> when its Enable flag is literally true. */
export function enabledSetting(service: TemplateResource, key: string): Record<string, unknown> | undefined {
  const setting = toObject(toObject(service.properties.DeploymentConfiguration)?.[key]);
  return setting && toBool(setting.Enable) === true ? setting : undefined;
}
