import { likelyMeant, ownerOf, scanShapes, valuesOf } from './property-shapes';
import type { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { PROPERTY_ENUMS } from '../tables/property-enums';
import { TD07_FARGATE_AWSVPC } from '../task/td-07-fargate-awsvpc';
import { TD08_EXTERNAL_MANAGED_NETWORK_MODE } from '../task/td-08-external-managed-network-mode';
import { TD14_FARGATE_WINDOWS_X86 } from '../task/td-14-fargate-windows-x86';
import { TD15_FARGATE_PID_MODE } from '../task/td-15-fargate-pid-mode';
import { TD16_FARGATE_IPC_MODE } from '../task/td-16-fargate-ipc-mode';
import { orList } from '../values';

/**
 * Enum properties another rule already judges value by value, wherever they are set: CF-02 leaves them to that
 * rule, so one bad value gives one finding. Keyed `Type Def.Name` (Def '' = Properties).
 */
const JUDGED_ELSEWHERE: ReadonlySet<string> = new Set<string>([
  // ECS-DP-06: "lifecycle hook #0 has unknown stage 'pre_scale_up'".
  'AWS::ECS::Service DeploymentLifecycleHook.LifecycleStages',
  // ECS-SC-12: "access log Format \"text\" is not valid", "IncludeQueryParameters \"enabled\" is not valid".
  'AWS::ECS::Service ServiceConnectAccessLogConfiguration.Format',
  'AWS::ECS::Service ServiceConnectAccessLogConfiguration.IncludeQueryParameters',
  // ECS-ER-15: "replication rule #0 has a repository filter of FilterType \"prefix_match\"".
  'AWS::ECR::ReplicationConfiguration RepositoryFilter.FilterType',
  // ECS-XM-05: "AutoScalingMetric \"average_cpu\" is not an Express scaling metric".
  'AWS::ECS::ExpressGatewayService ExpressGatewayScalingTarget.AutoScalingMetric',
]);

/**
 * Enum properties another rule judges in some resources only (a Fargate, EXTERNAL or Windows task): there CF-02
 * reports a bad value only when none of these rules reports that same property. They run only when CF-02 has
 * found a bad value.
 */
const JUDGED_SOMETIMES: Readonly<Record<string, readonly ResourceRule[]>> = {
  // ECS-TD-07: "Fargate task definition NetworkMode AWSVPC is not supported on Fargate" (and for a task a Fargate
  // service runs); ECS-TD-08: "EXTERNAL task definition uses network mode HOST".
  'AWS::ECS::TaskDefinition .NetworkMode': [TD07_FARGATE_AWSVPC, TD08_EXTERNAL_MANAGED_NETWORK_MODE],
  // ECS-TD-15: "Fargate task definition PidMode HOST".
  'AWS::ECS::TaskDefinition .PidMode': [TD15_FARGATE_PID_MODE],
  // ECS-TD-16: "Fargate task definition sets IpcMode HOST".
  'AWS::ECS::TaskDefinition .IpcMode': [TD16_FARGATE_IPC_MODE],
  // ECS-TD-14: "Windows Fargate task definition uses CpuArchitecture ARM with WINDOWS_SERVER_2019_CORE" (it takes
  // x86_64 as X86_64, so CF-02 still reports the case).
  'AWS::ECS::TaskDefinition RuntimePlatform.CpuArchitecture': [TD14_FARGATE_WINDOWS_X86],
};

export const CF02_ENUM_VALUES: ResourceRule = {
  id: 'ECS-CF-02',
  title: 'Values CloudFormation does not allow for enum properties',
  area: 'template',
  severity: Severity.ERROR,
  description: 'Flags a literal string in an ECS or ECR property whose CloudFormation schema allows a fixed set of values (LaunchType, '
    + 'NetworkMode, a port mapping\'s Protocol, a repository\'s ImageTagMutability or EncryptionType...), or in a list of them '
    + '(RequiresCompatibilities), when it is not one of those values, and names the value it most likely meant: the same value in '
    + 'another case (CloudFormation compares case-sensitively: tcp, not TCP; FARGATE, not fargate) or one a typo away. Nested '
    + 'objects and lists are looked into; values under Fn::If, other intrinsics, parameters and CDK tokens are not. Properties another '
    + 'rule judges value by value are left to it.',
  deployError: 'CloudFormation rejects the resource before calling ECS or ECR: "Properties validation failed for resource ... '
    + '#/LaunchType: fargate is not a valid enum value" (or the service answers "InvalidParameterException").',
  fix: 'Write the value exactly as the CloudFormation reference lists it (values are case-sensitive).',
  source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_ECS.html',
  builtInOverlap: ['W3030'],
  resourceTypes: Object.keys(PROPERTY_ENUMS),
  check(resource, context): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const miss of scanShapes(resource).enumMisses) {
      const judged = `${resource.type} ${miss.def}.${miss.key}`;
      if (JUDGED_ELSEWHERE.has(judged)) continue;
      if (JUDGED_SOMETIMES[judged] && reportedBy(JUDGED_SOMETIMES[judged], miss.pointer, resource, context)) continue;
      issues.push(notAllowed(miss.text, valuesOf(miss.allowed), miss.def, miss.pointer, resource.type));
    }
    return issues;
  },
};

/** True when one of the rules reports the property at `pointer` of this resource. */
function reportedBy(rules: readonly ResourceRule[], pointer: string, resource: TemplateResource, context: RuleContext): boolean {
  return rules.some((rule) => rule.check(resource, context).some((issue) => issue.property === pointer));
}

function notAllowed(value: string, values: readonly string[], def: string, pointer: string, type: string): RuleIssue {
  const owner = ownerOf(def, type);
  const meant = likelyMeant(value, values);
  const caseOnly = meant !== undefined && meant.toLowerCase() === value.toLowerCase();
  return {
    property: pointer,
    value,
    problem: `${pointer} is ${value}, which ${owner} does not allow${meant ? ` (did you mean ${meant}?)` : ''}`,
    allowed: `${orList(values)}${caseOnly ? ' (values are case-sensitive)' : ''}`,
    fix: meant ? `Write ${value} as ${meant}.` : `Replace ${value} with ${orList(values)}.`,
  };
}
