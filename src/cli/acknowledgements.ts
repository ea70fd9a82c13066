/**
 * Acknowledgements in a cdk.out: the CLI honours what the app acknowledged
 * with `Validations.of(scope).acknowledge({ id, reason })`, as a synth does,
 * so `check` on an app that synthesizes cleanly reports only new findings.
 */
import { CheckedFinding } from './report-format';
import { Acknowledgement, StackInput } from '../rules/model';

/** The plugin name EcsChecks reports under; its acknowledgements may carry it as a prefix. */
const PLUGIN = 'cdk-ecs-kit';

export interface AcknowledgedFinding {
  readonly finding: CheckedFinding;
  readonly reason: string;
  /** Construct path where the acknowledgement was made. */
  readonly acknowledgedAt: string;
}

/** The rule id an acknowledgement names for this plugin, or undefined for another plugin's rule. */
export function acknowledgedRuleId(id: string): string | undefined {
  const m = /^(.*?)::(.*)$/.exec(id);
  if (!m) return id;
  return m[1] === PLUGIN || m[1].toLowerCase() === 'annotation' ? m[2] : undefined;
}

/** Split findings into those still open and those an acknowledgement on the resource or an ancestor covers. */
export function applyAcknowledgements(
  findings: readonly CheckedFinding[], stacks: readonly StackInput[],
): { open: CheckedFinding[]; acknowledged: AcknowledgedFinding[] } {
  const byRule = new Map<string, Acknowledgement[]>();
  for (const ack of stacks.flatMap((s) => s.acknowledgements ?? [])) {
    const ruleId = acknowledgedRuleId(ack.id);
    if (ruleId === undefined) continue;
    const list = byRule.get(ruleId) ?? [];
    list.push(ack);
    byRule.set(ruleId, list);
  }
  const open: CheckedFinding[] = [];
  const acknowledged: AcknowledgedFinding[] = [];
  for (const f of findings) {
    const ack = (byRule.get(f.ruleId) ?? []).find((a) => f.path === a.path || f.path.startsWith(`${a.path}/`));
    if (ack) acknowledged.push({ finding: f, reason: ack.reason, acknowledgedAt: ack.path });
    else open.push(f);
  }
  return { open, acknowledged };
}
