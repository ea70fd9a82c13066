import * as fs from 'fs';
import { Annotations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { TASK_FIELDS } from './field-table';
import { mapObject } from './json-mapper';
import { unwrapTaskDefinitionJson } from './task-definition-template';
import { EcsKitError } from '../../errors';
import { taskDefinitionRuleIds, validateWithRules } from '../../plugin/resource-validation';

/**
 * An existing ECS task definition, in the JSON of `aws ecs register-task-definition
 * --cli-input-json` or the console, as an AWS::ECS::TaskDefinition. Every field
 * CloudFormation supports is mapped; an unknown field or a wrong type is an
 * error naming its JSON path. The kit's rules run on the result at synth.
 */
export class TaskDefinitionJson extends Construct {
  /** Import from a JSON file. */
  public static fromFile(scope: Construct, id: string, path: string): TaskDefinitionJson {
    let text: string;
    try {
      text = fs.readFileSync(path, 'utf8');
    } catch (e) {
      throw new EcsKitError({
        code: 'KIT-TASK-JSON',
        problem: `Cannot read ${path}: ${(e as Error).message}`,
        path: `${scope.node.path}/${id}`,
        allowed: 'a readable JSON file',
        fix: 'Check the path (relative paths are resolved from the working directory).',
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new EcsKitError({
        code: 'KIT-TASK-JSON',
        problem: `${path} is not valid JSON: ${(e as Error).message}`,
        path: `${scope.node.path}/${id}`,
        allowed: 'a RegisterTaskDefinition JSON document',
        fix: 'Fix the JSON syntax.',
      });
    }
    return new TaskDefinitionJson(scope, id, json, path);
  }

  /** Import from a parsed JSON object. */
  public static fromObject(scope: Construct, id: string, json: any): TaskDefinitionJson {
    return new TaskDefinitionJson(scope, id, json);
  }

  /** The CloudFormation task definition. */
  public readonly cfnTaskDefinition: ecs.CfnTaskDefinition;
  /** The task definition as an aws-cdk-lib reference (e.g. for EventBridge EcsTask targets). */
  public readonly taskDefinition: ecs.ITaskDefinition;
  /** Its ARN (with revision). */
  public readonly taskDefinitionArn: string;
  /** Container names, in order. */
  public readonly containerNames: string[];
  /** describe-task-definition read-only fields found and skipped. */
  public readonly skippedReadOnlyFields: string[];

  private constructor(scope: Construct, id: string, json: unknown, file?: string) {
    super(scope, id);
    const { document, skipped } = unwrapTaskDefinitionJson(json);
    this.skippedReadOnlyFields = skipped;
    const props = mapFile(document, this.node.path, file);
    const containers = (props.containerDefinitions ?? []) as ecs.CfnTaskDefinition.ContainerDefinitionProperty[];
    this.containerNames = containers.map((c) => c.name ?? '');
    this.cfnTaskDefinition = new ecs.CfnTaskDefinition(this, 'Resource', props);
    this.taskDefinitionArn = this.cfnTaskDefinition.ref;
    this.taskDefinition = ecs.TaskDefinition.fromTaskDefinitionAttributes(this, 'Imported', {
      taskDefinitionArn: this.taskDefinitionArn,
      compatibility: compatibilityOf(props.requiresCompatibilities as string[] | undefined),
      networkMode: networkModeOf(props.networkMode),
      taskRole: roleOf(this, 'TaskRole', props.taskRoleArn as string | undefined),
      executionRole: roleOf(this, 'ExecutionRole', props.executionRoleArn as string | undefined),
    });
    if (skipped.length > 0) {
      Annotations.of(this).addWarningV2('KIT-TASK-JSON-READ-ONLY',
        `[KIT-TASK-JSON-READ-ONLY] Skipped read-only describe-task-definition fields ${skipped.join(', ')} at ${this.node.path}; allowed: RegisterTaskDefinition fields. CloudFormation sets them on registration.`);
    }
    validateWithRules(this, this.cfnTaskDefinition, taskDefinitionRuleIds());
  }
}

function compatibilityOf(list: string[] | undefined): ecs.Compatibility {
  const has = (c: string) => (list ?? []).includes(c);
  if (has('FARGATE') && has('EC2')) return ecs.Compatibility.EC2_AND_FARGATE;
  if (has('FARGATE')) return ecs.Compatibility.FARGATE;
  if (has('EXTERNAL')) return ecs.Compatibility.EXTERNAL;
  if (has('MANAGED_INSTANCES')) return ecs.Compatibility.MANAGED_INSTANCES;
  return ecs.Compatibility.EC2;
}

function networkModeOf(mode: string | undefined): ecs.NetworkMode | undefined {
  const known = [ecs.NetworkMode.AWS_VPC, ecs.NetworkMode.BRIDGE, ecs.NetworkMode.HOST, ecs.NetworkMode.NONE, ecs.NetworkMode.NAT];
  return known.find((m) => m === mode) ?? (mode === undefined ? ecs.NetworkMode.BRIDGE : undefined);
}

function roleOf(scope: Construct, id: string, arnOrName: string | undefined): iam.IRole | undefined {
  if (!arnOrName) return undefined;
  return arnOrName.startsWith('arn:')
    ? iam.Role.fromRoleArn(scope, id, arnOrName, { mutable: false })
    : iam.Role.fromRoleName(scope, id, arnOrName);
}

/** Map the document; an error names the construct path, and the file in its problem. */
function mapFile(document: unknown, path: string, file: string | undefined): ecs.CfnTaskDefinitionProps {
  try {
    return mapObject(document, TASK_FIELDS, '', path) as ecs.CfnTaskDefinitionProps;
  } catch (e) {
    if (!file || !(e instanceof EcsKitError)) throw e;
    throw new EcsKitError({ code: e.code, problem: `${file}: ${e.problem}`, path: e.path, allowed: e.allowed, fix: e.fix });
  }
}
