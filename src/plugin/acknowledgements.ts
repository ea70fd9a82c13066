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
  /** The construct that carries it. */
  readonly construct: IConstruct;
  /** True when recorded in the kit's namespace already. */
  readonly namespaced: boolean;
}

const BARE = /^annotation::/i;
const OURS = new RegExp(`^${PLUGIN_NAME}::`);

/** Acknowledgements of the given rule ids anywhere in the tree. */
export function collectAcknowledgements(root: IConstruct, ruleIds: ReadonlySet<string>): RecordedAcknowledgement[] {
  const out: RecordedAcknowledgement[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [qualified, reason] of Object.entries(entry.data as Record<string, string>)) {
        const namespaced = OURS.test(qualified);
        const ruleId = qualified.replace(BARE, '').replace(OURS, '');
        if (!namespaced && !BARE.test(qualified)) continue;
        if (ruleIds.has(ruleId)) out.push({ ruleId, reason, path: construct.node.path, construct, namespaced });
      }
    }
  }
  return out;
}

/** Reasons of bare (annotation-namespace) acknowledgements of a rule recorded on one construct. */
export function acknowledgementsOn(construct: IConstruct, ruleId: string): string[] {
  const out: string[] = [];
  for (const entry of construct.node.metadata) {
    if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
    for (const [qualified, reason] of Object.entries(entry.data as Record<string, string>)) {
      if (BARE.test(qualified) && qualified.replace(BARE, '') === ruleId) out.push(reason);
    }
  }
  return out;
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
