/**
 * Workload addons (`copilot/<name>/addons/*.yml`): CloudFormation templates Copilot deployed as a nested stack of the
 * workload. The migrator does not port them; it names each template and Output and what Copilot did with it
 * (copilot-cli internal/pkg/addon/output.go, stack/workload.go, docs/developing/addons/workload.en.md).
 */
import * as fs from 'fs';
import * as path from 'path';
import { isMap, Todo } from './fields';
import { ServicePlan } from './plan';
import { parseYamlTemplate } from '../cli/yaml-template';

/** One addon template as read from the workload's addons folder. */
export interface AddonInput {
  /** File name inside the addons folder. */
  readonly name: string;
  readonly text: string;
}

/** The addons of one workload. */
export interface WorkloadAddons {
  /** The addons folder, as shown in the output (e.g. `copilot/api/addons`). */
  readonly folder: string;
  readonly templates: AddonInput[];
  /** Whether addons.parameters.yml passed extra parameters. */
  readonly parameters?: boolean;
}

/** Copilot's `toSnakeCase`: `MyTableName` -> `MY_TABLE_NAME` (template_functions.go). */
export function copilotSnakeCase(name: string): string {
  return name.replace(/([a-z0-9]+)([A-Z])/g, '$1_$2').replace(/([A-Z0-9])([A-Z][a-z])/g, '$1_$2').toUpperCase();
}

/** The logical id an Output's Value refers to with Ref (`!Ref X` or `{ Ref: X }`), as Copilot reads it. */
function refOf(value: unknown): string | undefined {
  return isMap(value) && typeof value.Ref === 'string' ? value.Ref.trim() : undefined;
}

/** What Copilot did with one Output, and what the kit code for it looks like. */
function outputUse(name: string, type: string | undefined, plan: ServicePlan): string {
  const env = copilotSnakeCase(name);
  const taskVar = plan.taskVar;
  switch (type) {
    case 'AWS::SecretsManager::Secret':
      return `secret ${env} in the main container: ${taskVar}.defaultContainer.addSecret('${env}', ecs.Secret.fromSecretsManager(secret))`;
    case 'AWS::IAM::ManagedPolicy':
      return `managed policy of the task role: ${taskVar}.taskRole.addManagedPolicy(policy), or better the resource's grant* methods`;
    case 'AWS::EC2::SecurityGroup':
      // Copilot gave a job's state machine the group too (state-machine.yml); the kit's ScheduledJob takes one group.
      return `${plan.kind === 'ScheduledJob' ? 'security group of the job\'s tasks: ScheduledJob securityGroup' : `security group of the service: ${plan.v}.service.connections.addSecurityGroup(group)`}; `
        + `also environment variable ${env}`;
    default:
      return `environment variable ${env}: ${taskVar}.defaultContainer.addEnvironment('${env}', value)`;
  }
}

/** The lines that describe one template: its Outputs, or why it could not be read. */
function describeTemplate(addon: AddonInput, folder: string, plan: ServicePlan): string[] {
  let template: Record<string, unknown>;
  try {
    template = parseYamlTemplate(addon.text, `${folder}/${addon.name}`) as unknown as Record<string, unknown>;
  } catch (e) {
    return [`${addon.name}: not read (${(e as Error).message.split('\n')[0]}): port it by hand`];
  }
  const resources = isMap(template.Resources) ? template.Resources : {};
  const typeOf = (id: string | undefined) => {
    const r = id === undefined ? undefined : resources[id];
    return isMap(r) && typeof r.Type === 'string' ? r.Type : undefined;
  };
  const outputs = isMap(template.Outputs) ? Object.entries(template.Outputs) : [];
  const kinds = Object.entries(resources).map(([id, r]) => `${id} (${isMap(r) ? String(r.Type) : '?'})`);
  const lines = [`${addon.name}: resources ${kinds.join(', ') || 'none'}; ${outputs.length ? 'Outputs:' : 'no Outputs'}`];
  for (const [name, output] of outputs) {
    const ref = refOf(isMap(output) ? output.Value : undefined);
    const type = typeOf(ref);
    lines.push(`  ${name}${type ? ` (!Ref ${ref}, ${type})` : ''}: ${outputUse(name, type, plan)}`);
  }
  return lines;
}

/** The TODO for a workload's addons, and its comment lines for the generated code. */
export function addonsTodo(addons: WorkloadAddons, plan: ServicePlan): { todo: Todo; comment: string[] } {
  const names = addons.templates.map((t) => t.name);
  const why = 'Copilot deployed these CloudFormation templates as a nested stack of the workload and wired their Outputs in as listed; '
    + 'the migrator does not port them: rewrite them as constructs (or cloudformation_include.CfnInclude) and wire each Output '
    + '(docs/migrate-copilot.md, "What needs manual work")';
  const details = addons.templates.flatMap((t) => describeTemplate(t, addons.folder, plan));
  if (addons.parameters) details.push('addons.parameters.yml: extra parameters Copilot passed to the templates: pass the same values to what replaces them');
  return {
    todo: { path: 'addons', value: names, why },
    comment: [`// TODO(copilot): addons: ${addons.folder}: ${names.join(', ')} — ${why}:`, ...details.map((l) => `//   ${l}`)],
  };
}

/** The addons folder beside a workload manifest, read as Copilot reads it (*.yml and *.yaml; addons.parameters.* apart). */
export function readAddons(manifestFile: string, shownFolder: string): WorkloadAddons | undefined {
  const dir = path.join(path.dirname(manifestFile), 'addons');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return undefined;
  const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const templates = files.filter((f) => !/^addons\.parameters\.ya?ml$/.test(f)).map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
  if (templates.length === 0) return undefined;
  return { folder: shownFolder, templates, parameters: templates.length < files.length };
}

/** Whether a parsed YAML document is a CloudFormation template (an addon) rather than a manifest. */
export function isCloudFormationTemplate(doc: unknown): boolean {
  return isMap(doc) && (isMap(doc.Resources) || doc.AWSTemplateFormatVersion !== undefined);
}
