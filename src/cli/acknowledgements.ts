/**
 * Acknowledgements in a cdk.out: the CLI honours what the app acknowledged
 * with `Validations.of(scope).acknowledge({ id, reason })`, as a synth does,
 * so `check` on an app that synthesizes cleanly reports only new findings.
 * Ids and scopes are read exactly as the plugin reads them on the construct tree.
 */
import { CheckedFinding } from './report-format';
import { findAcknowledgement, parseAcknowledgement, RecordedAcknowledgement } from '../plugin/acknowledgement-ids';
import { StackInput } from '../rules/model';

export interface AcknowledgedFinding {
  readonly finding: CheckedFinding;
  readonly reason: string;
  /** Construct path where the acknowledgement was made. */
  readonly acknowledgedAt: string;
}

/** The kit-relevant acknowledgements the stacks recorded (bare ids and the kit's namespace). */
export function recordedAcknowledgements(stacks: readonly StackInput[]): RecordedAcknowledgement[] {
  return stacks.flatMap((s) => s.acknowledgements ?? [])
    .map((a) => parseAcknowledgement(a.id, a.reason, a.path))
    .filter((a): a is RecordedAcknowledgement => a !== undefined);
}

/** Split findings into those still open and those an acknowledgement on the resource or an ancestor covers. */
export function applyAcknowledgements(
  findings: readonly CheckedFinding[], stacks: readonly StackInput[],
): { open: CheckedFinding[]; acknowledged: AcknowledgedFinding[] } {
  const acks = recordedAcknowledgements(stacks);
  const open: CheckedFinding[] = [];
  const acknowledged: AcknowledgedFinding[] = [];
  for (const f of findings) {
    const ack = findAcknowledgement(acks, f.ruleId, f.path);
    if (ack) acknowledged.push({ finding: f, reason: ack.reason, acknowledgedAt: ack.path });
    else open.push(f);
  }
  return { open, acknowledged };
}

/** A kit-shaped rule id (ECS-TD-01, ORG-TAG-01, KIT-SERVICE-QUEUE): other ids (an aws-cdk-lib warning's) are not the kit's to judge. */
const KIT_SHAPED = /^(ECS|ORG|KIT)-[A-Z0-9]+(-[A-Z0-9]+)*$/i;

/**
 * Acknowledgements of a kit-shaped id that no rule or check of the kit has (a typo such as ORG-FG01): they acknowledge
 * nothing, and the finding they meant stays open. Once per id and path.
 */
export function unknownAcknowledgements(stacks: readonly StackInput[], known: ReadonlySet<string>): RecordedAcknowledgement[] {
  const seen = new Set<string>();
  return stacks.flatMap((s) => s.acknowledgements ?? [])
    .map((a) => parseAcknowledgement(a.id, a.reason, a.path))
    .filter((a): a is RecordedAcknowledgement => a !== undefined && KIT_SHAPED.test(a.ruleId) && !known.has(a.ruleId))
    .filter((a) => !seen.has(`${a.ruleId} ${a.path}`) && seen.add(`${a.ruleId} ${a.path}`) !== undefined);
}
