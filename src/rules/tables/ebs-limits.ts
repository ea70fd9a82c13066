/**
 * EBS volume limits for service-managed volumes, as data: ECS-SV-27 and the service constructs read it.
 * ECS passes these fields to EC2 CreateVolume ("map 1:1"), so the limits are EC2's: gp3 up to 64 TiB,
 * 80,000 IOPS and 2,000 MiB/s and io2 up to 64 TiB since 2025 (aws-cdk-lib's ServiceManagedVolume checks
 * the same); the ECS API reference still lists the older 16 TiB / 16,000 IOPS / 1,000 MiB/s.
 */
export interface EbsVolumeLimits {
  readonly size: { readonly min: number; readonly max: number };
  /** Provisioned IOPS range; undefined where IOPS cannot be set. */
  readonly iops?: { readonly min: number; readonly max: number };
  readonly iopsRequired?: boolean;
  /** Throughput range in MiB/s; only gp3. */
  readonly throughput?: { readonly min: number; readonly max: number };
}

export const DEFAULT_EBS_VOLUME_TYPE = 'gp3';

export const EBS_VOLUME_LIMITS: Record<string, EbsVolumeLimits> = {
  gp2: { size: { min: 1, max: 16384 } },
  gp3: { size: { min: 1, max: 65536 }, iops: { min: 3000, max: 80000 }, throughput: { min: 125, max: 2000 } },
  io1: { size: { min: 4, max: 16384 }, iops: { min: 100, max: 64000 }, iopsRequired: true },
  io2: { size: { min: 4, max: 65536 }, iops: { min: 100, max: 256000 }, iopsRequired: true },
  st1: { size: { min: 125, max: 16384 } },
  sc1: { size: { min: 125, max: 16384 } },
  standard: { size: { min: 1, max: 1024 } },
};
