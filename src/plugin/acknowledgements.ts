/**
 * Acknowledgements recorded with `Validations.of(scope).acknowledge({ id, reason })`.
 * A bare id (ECS-TD-01) is stored under the annotation namespace; the
 * namespaced form (cdk-ecs-kit::ECS-TD-01) under ours. Both count.
 */
import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

export const PLUGIN_NAME = 'cdk-ecs-kit';

export interface RecordedAcknowledgement {
  /** Rule id without namespace. */
  readonly ruleId: string;
  readonly reason: string;
  /** Construct path where acknowledge() was called. */
  readonly path: string;
  /** True when recorded in the kit's namespace already; false for a bare id. */
  readonly namespaced: boolean;
}

const BARE = /^annotation::/i;
const OURS = new RegExp(`^${PLUGIN_NAME}::`);

/**
 * One recorded acknowledgement as the kit reads it, or undefined when it is
 * another plugin's (e.g. `AwsSolutions::AwsSolutions-IAM5`). Used on the
 * construct tree and, by the CLI, on a cloud assembly's metadata.
 */
export function parseAcknowledgement(qualified: string, reason: string, path: string): RecordedAcknowledgement | undefined {
  const namespaced = OURS.test(qualified);
  if (!namespaced && !BARE.test(qualified)) return undefined;
  return { ruleId: qualified.replace(BARE, '').replace(OURS, ''), reason, path, namespaced };
}

/** The kit-relevant acknowledgements recorded on one construct (bare or in the kit's namespace). */
export function acknowledgementsOn(construct: IConstruct): RecordedAcknowledgement[] {
  const out: RecordedAcknowledgement[] = [];
  for (const entry of construct.node.metadata) {
    if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
    for (const [qualified, reason] of Object.entries(entry.data as Record<string, string>)) {
      const ack = parseAcknowledgement(qualified, reason, construct.node.path);
      if (ack) out.push(ack);
    }
  }
  return out;
}

/** Acknowledgements of the given rule ids anywhere in the tree. */
export function collectAcknowledgements(root: IConstruct, ruleIds: ReadonlySet<string>): RecordedAcknowledgement[] {
  return root.node.findAll().flatMap((c) => acknowledgementsOn(c).filter((a) => ruleIds.has(a.ruleId)));
}

/** The closest acknowledgement for a rule at a construct path (the path itself or an ancestor). */
export function findAcknowledgement(
  acks: readonly RecordedAcknowledgement[], ruleId: string, constructPath: string,
): RecordedAcknowledgement | undefined {
  let best: RecordedAcknowledgement | undefined;
  for (const a of acks) {
    if (a.ruleId !== ruleId) continue;
    // Finding paths drop a trailing /Resource or /Default (the L1), so an
    // acknowledgement on the L1 itself covers the finding too.
    const covers = a.path === '' || constructPath === a.path || constructPath.startsWith(`${a.path}/`)
      || a.path === `${constructPath}/Resource` || a.path === `${constructPath}/Default`;
    if (covers && (!best || a.path.length > best.path.length)) best = a;
  }
  return best;
}
