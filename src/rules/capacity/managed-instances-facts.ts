/** Facts about AWS::ECS::CapacityProvider resources with a ManagedInstancesProvider. */
import { TemplateResource } from '../model';
import { toObject } from '../values';

/** The ManagedInstancesProvider block, when the provider has one as an object. */
export function managedInstancesProvider(provider: TemplateResource): Record<string, unknown> | undefined {
  return toObject(provider.properties.ManagedInstancesProvider);
}

/** The InstanceLaunchTemplate block of a Managed Instances provider. */
export function instanceLaunchTemplate(provider: TemplateResource): Record<string, unknown> | undefined {
  return toObject(managedInstancesProvider(provider)?.InstanceLaunchTemplate);
}

export const LAUNCH_TEMPLATE_POINTER = 'Properties/ManagedInstancesProvider/InstanceLaunchTemplate';
