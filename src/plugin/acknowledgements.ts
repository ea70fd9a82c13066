/**
 * Acknowledgements recorded with `Validations.of(scope).acknowledge({ id, reason })`.
 * A bare id (ECS-TD-01) is stored under the annotation namespace; the
 * namespaced form (cdk-ecs-kit::ECS-TD-01) under ours. Both count.
 */
import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { parseAcknowledgement, RecordedAcknowledgement } from './acknowledgement-ids';

export { findAcknowledgement, parseAcknowledgement, PLUGIN_NAME } from './acknowledgement-ids';
export type { RecordedAcknowledgement } from './acknowledgement-ids';

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
