/**
 * The kit's construction-time error: the same message shape as rule findings
 * (code, problem, construct path, what is allowed, fix).
 */
import { formatMessage } from './rules/engine';

export interface KitErrorDetails {
  /** Rule or error code, e.g. ECS-TD-01 or KIT-CLUSTER-NAME. */
  readonly code: string;
  /** What is wrong, naming the property and the bad value. */
  readonly problem: string;
  /** Construct path of the construct being built. */
  readonly path: string;
  /** What is allowed. */
  readonly allowed: string;
  /** How to fix it. */
  readonly fix: string;
}

/**
 * Thrown by the kit's constructs for a configuration ECS would reject or
 * that cannot run. `code` is the rule id (ECS-...) or the construct check id
 * (KIT-...), so callers can catch one kind: `e instanceof EcsKitError && e.code === 'ECS-TD-01'`.
 */
export class EcsKitError extends Error {
  /** Rule or construct check id, e.g. ECS-TD-01 or KIT-SERVICE-PORT. */
  public readonly code: string;
  constructor(details: KitErrorDetails) {
    super(formatMessage(details.code, details.path, details));
    this.name = 'EcsKitError';
    this.code = details.code;
  }
}

/** Throw an EcsKitError. */
export function fail(details: KitErrorDetails): never {
  throw new EcsKitError(details);
}
