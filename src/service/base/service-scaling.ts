/** A replica service's target tracking on CPU (and memory), with the kit's checks of the ranges and cooldown defaults. */
import { Duration, Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { ANY_COUNT, checkRange } from './service-capacity';
import { ServiceAutoScalingOptions } from './service-props';
import { fail } from '../../errors';

/** Scale `service` on CPU (unless scaleOnCpu is false) and, with a target, memory, between minCapacity and maxCapacity. */
export function enableAutoScaling(service: ecs.BaseService, path: string, options: ServiceAutoScalingOptions): ecs.ScalableTaskCount {
  const min = options.minCapacity ?? 1;
  checkRange(path, 'KIT-SERVICE-COUNT', 'autoScaling.maxCapacity', options.maxCapacity, { min: 1, max: ANY_COUNT });
  checkRange(path, 'KIT-SERVICE-SCALING', 'autoScaling.minCapacity', min, { min: 0, max: Token.isUnresolved(options.maxCapacity) ? ANY_COUNT : options.maxCapacity },
    'Use a minCapacity from 0 to maxCapacity.');
  checkRange(path, 'KIT-SERVICE-SCALING', 'autoScaling.targetCpuPercent', options.targetCpuPercent, { min: 1, max: 100 });
  checkRange(path, 'KIT-SERVICE-SCALING', 'autoScaling.targetMemoryPercent', options.targetMemoryPercent, { min: 1, max: 100 });
  const scaling = service.autoScaleTaskCount({ minCapacity: min, maxCapacity: options.maxCapacity });
  const cooldowns = {
    scaleInCooldown: options.scaleInCooldown ?? Duration.seconds(300),
    scaleOutCooldown: options.scaleOutCooldown ?? Duration.seconds(60),
  };
  if (options.scaleOnCpu === false && options.targetCpuPercent !== undefined) {
    fail({
      code: 'KIT-SERVICE-SCALING',
      path,
      problem: `autoScaling.targetCpuPercent ${options.targetCpuPercent} is set with scaleOnCpu false, so no CPU policy uses it`,
      allowed: 'targetCpuPercent with scaleOnCpu true (the default)',
      fix: 'Remove targetCpuPercent, or remove scaleOnCpu: false.',
    });
  }
  if (options.scaleOnCpu !== false) scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: options.targetCpuPercent ?? 70, ...cooldowns });
  if (options.targetMemoryPercent !== undefined) {
    scaling.scaleOnMemoryUtilization('Memory', { targetUtilizationPercent: options.targetMemoryPercent, ...cooldowns });
  }
  return scaling;
}
