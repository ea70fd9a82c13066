/**
 * Where a fleet service goes, from its key alone: a pure function of (key,
 * shards), so adding or removing another service never moves it. SHA-256
 * spreads keys evenly and is the same in every Node version and jsii
 * language host (the placement runs in the Node process).
 */
import { createHash } from 'crypto';

/** ALB listener rule priorities (1-50000). */
export const RULE_PRIORITY = { min: 1, max: 50_000 };
/** Fleet keys: construct ids that read well in logical ids and stack paths. */
export const FLEET_KEY = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;

export interface Placement {
  /** Shard index, 0 to shards-1: the service stack and its load balancer. */
  readonly shard: number;
  /** Listener rule priority derived from the key, 1-50000. */
  readonly priority: number;
}

/**
 * Shard and default priority of a key. Two independent 32-bit words of the
 * digest, so the priority does not follow from the shard.
 */
export function placementOf(key: string, shards: number): Placement {
  const digest = createHash('sha256').update(`cdk-ecs-kit/fleet/${key}`).digest();
  return {
    shard: digest.readUInt32BE(0) % shards,
    priority: RULE_PRIORITY.min + (digest.readUInt32BE(4) % (RULE_PRIORITY.max - RULE_PRIORITY.min + 1)),
  };
}
