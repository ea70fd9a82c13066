import { ResourceRule, RuleIssue, Severity } from '../rule';
import { CAPACITY_PROVIDER } from '../service/service-facts';
import { show, toNumber, toObject } from '../values';
import { instanceLaunchTemplate, LAUNCH_TEMPLATE_POINTER } from './managed-instances-facts';

/** The Min/Max range properties of InstanceRequirementsRequest. */
const RANGES = [
  'VCpuCount', 'MemoryMiB', 'MemoryGiBPerVCpu', 'AcceleratorCount', 'AcceleratorTotalMemoryMiB',
  'NetworkInterfaceCount', 'NetworkBandwidthGbps', 'BaselineEbsBandwidthMbps', 'TotalLocalStorageGB',
] as const;

export const MI03_REQUIREMENT_RANGES: ResourceRule = {
  id: 'ECS-MI-03',
  title: 'Managed Instances instance requirements: every range has 0 <= Min <= Max',
  area: 'capacity',
  severity: Severity.ERROR,
  description: 'Flags ranges of a Managed Instances provider\'s InstanceRequirements (VCpuCount, MemoryMiB, MemoryGiBPerVCpu, accelerator, network, EBS bandwidth and local storage ranges) whose Min is negative or above Max.',
  deployError: 'CreateCapacityProvider fails: the instance requirements ranges are invalid (minimum above maximum, or negative).',
  fix: 'Make each Min 0 or more and no more than its Max.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_InstanceRequirementsRequest.html',
  resourceTypes: [CAPACITY_PROVIDER],
  check(provider): RuleIssue[] {
    const req = toObject(instanceLaunchTemplate(provider)?.InstanceRequirements);
    if (!req) return [];
    const issues: RuleIssue[] = [];
    for (const name of RANGES) {
      const range = toObject(req[name]);
      if (!range) continue;
      const min = toNumber(range.Min);
      const max = toNumber(range.Max);
      const pointer = `${LAUNCH_TEMPLATE_POINTER}/InstanceRequirements/${name}`;
      if (min !== undefined && min < 0) {
        issues.push({ property: `${pointer}/Min`, value: range.Min, problem: `InstanceRequirements ${name} Min ${show(range.Min)} is negative`, allowed: 'Min 0 or more', fix: `Set ${name} Min to 0 or more.` });
      } else if (min !== undefined && max !== undefined && min > max) {
        issues.push({ property: `${pointer}/Min`, value: range.Min, problem: `InstanceRequirements ${name} Min ${min} is above Max ${max}`, allowed: `Min <= Max (${max})`, fix: `Lower ${name} Min or raise its Max.` });
      }
    }
    return issues;
  },
};
