/** Name checks shared by the service and cluster name rules and constructs. */
import { CLUSTER_NAME, nameProblem } from '../tables/capacity-limits';

/** Why a 1-255 `[a-zA-Z0-9_-]` name (cluster, service) is invalid, or undefined when it is valid. */
export function ecsNameProblem(name: string): string | undefined {
  return nameProblem(name, CLUSTER_NAME);
}

/** A suggestion that satisfies the 1-255 `[a-zA-Z0-9_-]` format. */
export function suggestEcsName(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, CLUSTER_NAME.maxLength);
  return cleaned || 'name';
}
