import { ResourceRule, RuleIssue, Severity } from '../rule';
import { DEFAULT_EBS_VOLUME_TYPE, EBS_VOLUME_LIMITS } from '../tables/ebs-limits';
import { toArray, toNumber, toObject, toStr } from '../values';
import { SERVICE } from './service-facts';

export const SV27_EBS_VOLUME_CONFIGURATION: ResourceRule = {
  id: 'ECS-SV-27',
  title: 'Service-managed EBS volumes: one per service, size, IOPS and throughput within the volume type limits',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks VolumeConfigurations of a service: at most one, SizeInGiB or SnapshotId given, SizeInGiB/Iops/Throughput within the limits of the VolumeType (gp3 when omitted), and the snapshot id format.',
  deployError: 'CreateService fails: invalid managedEBSVolume configuration (more than one volume, size/IOPS/throughput out of range, or a bad snapshot id).',
  fix: 'Keep one volume configuration with values inside the limits of its volume type.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceManagedEBSVolumeConfiguration.html',
  resourceTypes: [SERVICE],
  onlyWith: ['VolumeConfigurations'],
  check(service): RuleIssue[] {
    const list = toArray(service.properties.VolumeConfigurations);
    if (!list || list.length === 0) return [];
    const issues: RuleIssue[] = [];
    if (list.length > 1) {
      issues.push({ property: 'Properties/VolumeConfigurations', value: `${list.length} volume configurations`, problem: `service has ${list.length} VolumeConfigurations`, allowed: 'one volume configuration per service', fix: 'Keep one configured-at-launch volume.' });
    }
    list.forEach((entry, i) => {
      const ebs = toObject(toObject(entry)?.ManagedEBSVolume);
      if (!ebs) return;
      const pointer = `Properties/VolumeConfigurations/${i}/ManagedEBSVolume`;
      const type = ebs.VolumeType === undefined ? DEFAULT_EBS_VOLUME_TYPE : toStr(ebs.VolumeType);
      const limits = type === undefined ? undefined : EBS_VOLUME_LIMITS[type];
      const bad = (key: string, problem: string, allowed: string, fix: string) => issues.push({ property: `${pointer}/${key}`, value: ebs[key], problem, allowed, fix });
      if (ebs.SizeInGiB === undefined && ebs.SnapshotId === undefined) bad('SizeInGiB', 'managed EBS volume has neither SizeInGiB nor SnapshotId', 'SizeInGiB or SnapshotId', 'Set SizeInGiB (e.g. 20) or a SnapshotId.');
      const snapshot = toStr(ebs.SnapshotId);
      if (ebs.SnapshotId !== undefined && snapshot !== undefined && !/^snap-[0-9a-fA-F]+$/.test(snapshot)) bad('SnapshotId', `SnapshotId ${snapshot} is not a snapshot id`, 'snap- followed by hex digits', 'Use the id of an EBS snapshot, e.g. snap-0123456789abcdef0.');
      if (!limits) return;
      const size = toNumber(ebs.SizeInGiB);
      if (size !== undefined && (size < limits.size.min || size > limits.size.max)) bad('SizeInGiB', `${type} volume SizeInGiB ${size} is out of range`, `${limits.size.min} to ${limits.size.max} GiB for ${type}`, `Use ${limits.size.min} to ${limits.size.max} GiB.`);
      const iops = toNumber(ebs.Iops);
      if (ebs.Iops !== undefined && iops !== undefined && (!limits.iops || iops < limits.iops.min || iops > limits.iops.max)) {
        bad('Iops', `${type} volume Iops ${iops} ${limits.iops ? 'is out of range' : 'cannot be set'}`, limits.iops ? `${limits.iops.min} to ${limits.iops.max} IOPS for ${type}` : `no Iops for ${type}`, limits.iops ? `Use ${limits.iops.min} to ${limits.iops.max} IOPS.` : 'Remove Iops, or use gp3, io1 or io2.');
      }
      if (limits.iopsRequired && ebs.Iops === undefined) bad('Iops', `${type} volume has no Iops`, `Iops for ${type}`, `Set Iops (${limits.iops!.min} to ${limits.iops!.max}).`);
      const throughput = toNumber(ebs.Throughput);
      const tp = limits.throughput;
      if (ebs.Throughput !== undefined && throughput !== undefined && (!tp || throughput < tp.min || throughput > tp.max)) {
        bad('Throughput', `${type} volume Throughput ${throughput} ${limits.throughput ? 'is out of range' : 'cannot be set'}`, limits.throughput ? `${limits.throughput.min} to ${limits.throughput.max} MiB/s for gp3` : 'Throughput only for gp3', limits.throughput ? `Use ${limits.throughput.min} to ${limits.throughput.max} MiB/s.` : 'Remove Throughput, or use gp3.');
      }
    });
    return issues;
  },
};
