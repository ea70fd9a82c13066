/**
 * Constraints from ecs-constraints.md that no rule checks, with the reason.
 * docs/rules.md lists them.
 */
export interface SkippedConstraint {
  readonly id: string;
  readonly reason: string;
}

export const SKIPPED_CONSTRAINTS: readonly SkippedConstraint[] = [
  { id: 'SV-22', reason: 'No longer a constraint: the current API applies healthCheckGracePeriodSeconds to load balancer, VPC Lattice and container health checks alike.' },
];
