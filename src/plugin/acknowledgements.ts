/**
 * Acknowledgements recorded with `Validations.of(scope).acknowledge({ id, reason })`.
 * A bare id (ECS-TD-01) is stored under the annotation namespace; the
 * namespaced form (cdk-ecs-kit::ECS-TD-01) under ours. Both count.
 */
import { Stack, Stage, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { parseAcknowledgement, PLUGIN_NAME, RecordedAcknowledgement } from './acknowledgement-ids';
import { stagePlugins } from '../internal/cdk-internals';
import { STAGE_ACKNOWLEDGEMENTS } from '../rules/assembly-loader';

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

/**
 * Copy the acknowledgements made on the App or a Stage above `stack` into the stack's metadata, when the app runs
 * EcsChecks. The cloud assembly records metadata per stack only: without the copy, `cdk-ecs-kit check` on the
 * cdk.out would report what synth accepted. With the path they were made at, so `check` names the App or Stage,
 * not the stack. Metadata, not template: snapshot tests do not change.
 */
export function recordStageAcknowledgements(stack: Stack): void {
  const above: IConstruct[] = [];
  for (const scope of stack.node.scopes) {
    if (Stack.isStack(scope)) break; // scopes run from the root down; a nested stack's parent records its own
    above.push(scope);
  }
  if (!above.some((s) => Stage.isStage(s) && stagePlugins(s).some((p) => p.name === PLUGIN_NAME))) return;
  for (const scope of above) {
    for (const entry of scope.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      const data = { path: scope.node.path, rules: entry.data };
      if (stack.node.metadata.some((m) => m.type === STAGE_ACKNOWLEDGEMENTS && (m.data as typeof data).rules === entry.data)) continue;
      stack.node.addMetadata(STAGE_ACKNOWLEDGEMENTS, data);
    }
  }
}
