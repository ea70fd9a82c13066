/**
 * Acknowledgements in hand-written templates: a resource's (or the template's own) Metadata can acknowledge kit
 * findings, as cfn-lint's and cfn_nag's Metadata keys do, so a team without CDK can record an intended finding
 * on one resource instead of disabling the rule everywhere:
 *
 *   Metadata:
 *     cdk-ecs-kit:
 *       acknowledge:
 *         - id: ECS-CT-29
 *           reason: the worker drains for 5 minutes on SIGTERM
 */
import { Acknowledgement, StackInput } from '../rules/model';
import { toObject } from '../rules/values';

/** The Metadata key the kit reads. */
export const TEMPLATE_METADATA_KEY = 'cdk-ecs-kit';

/** Acknowledgements a template records: on a resource they cover its findings, at the top its whole stack. */
export function templateAcknowledgements(stack: StackInput): Acknowledgement[] {
  if (stack.taskDefinitionJson) return [];
  const out = entries(stack.template.Metadata).map((e) => ({ ...e, path: stack.name }));
  for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
    out.push(...entries(resource?.Metadata).map((e) => ({ ...e, path: `${stack.name}/${logicalId}` })));
  }
  return out;
}

function entries(metadata: unknown): { id: string; reason: string }[] {
  const kit = toObject(toObject(metadata)?.[TEMPLATE_METADATA_KEY]);
  const list = kit?.acknowledge;
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw) => {
    const e = toObject(raw);
    // Recorded as the plugin records them, so check reads both alike.
    return typeof e?.id === 'string' ? [{ id: `cdk-ecs-kit::${e.id.trim()}`, reason: typeof e.reason === 'string' ? e.reason : '' }] : [];
  });
}
