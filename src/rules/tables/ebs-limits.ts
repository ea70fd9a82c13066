/**
 * EBS volume limits for service-managed volumes (ServiceManagedEBSVolumeConfiguration
 * in the ECS API reference), as data: ECS-SV-27 and the service constructs read it.
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
  gp3: { size: { min: 1, max: 16384 }, iops: { min: 3000, max: 16000 }, throughput: { min: 125, max: 1000 } },
  io1: { size: { min: 4, max: 16384 }, iops: { min: 100, max: 64000 }, iopsRequired: true },
  io2: { size: { min: 4, max: 16384 }, iops: { min: 100, max: 256000 }, iopsRequired: true },
  st1: { size: { min: 125, max: 16384 } },
  sc1: { size: { min: 125, max: 16384 } },
  standard: { size: { min: 1, max: 1024 } },
};
