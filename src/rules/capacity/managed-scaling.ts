/** Reading ManagedScaling of an ASG capacity provider. */
import { TemplateResource } from '../model';
import { toObject } from '../values';

export const CAPACITY_PROVIDER = 'AWS::ECS::CapacityProvider';
export const MANAGED_SCALING = 'Properties/AutoScalingGroupProvider/ManagedScaling';

/** The ManagedScaling object, when present and literal. */
export function managedScaling(provider: TemplateResource): Record<string, unknown> | undefined {
  return toObject(toObject(provider.properties.AutoScalingGroupProvider)?.ManagedScaling);
}
