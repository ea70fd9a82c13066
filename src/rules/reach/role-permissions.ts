/**
 * What an IAM role of the assembly is allowed, read from its inline policies,
 * the AWS::IAM::Policy / ManagedPolicy / RolePolicy resources attached to it,
 * and the one AWS managed policy whose content matters here. `complete` is
 * false when anything attached could not be read: rules then stay silent.
 */
import { AssemblyModel, resourceFact, TemplateResource } from '../model';
import { HOLE, stringShape } from '../replacement/string-shape';
import { intrinsicKey, isUnresolved, matchesWildcardParts, policyStatements, toArray, toObject, toStr } from '../values';
import { arnGlobOf, globsIntersect } from './arn-pattern';

const ROLE = 'AWS::IAM::Role';
const ATTACHING_TYPES = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'];
const ROLE_POLICY = 'AWS::IAM::RolePolicy';

/** AmazonECSTaskExecutionRolePolicy: ECR pulls and CloudWatch Logs writes on any resource. */
const EXECUTION_ROLE_POLICY_ACTIONS = ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer',
  'ecr:BatchGetImage', 'logs:CreateLogStream', 'logs:PutLogEvents'];

/** A policy statement, read once for `allows`, which asks it about every action of every task. */
interface Statement {
  /** Stack the statement is written in, to resolve its references. */
  readonly from: TemplateResource;
  /** An Effect other than Allow (an unresolved Effect may be Allow). */
  readonly denies: boolean;
  /** NotAction / NotResource: too broad to judge, so counted as granting. */
  readonly broad: boolean;
  /** Lower-case Action patterns split at `*`; undefined entries are unresolved (any action); undefined when absent. */
  readonly actions?: readonly (readonly string[] | undefined)[];
  /** The Action patterns as written, for messages. */
  readonly actionNames?: readonly (string | undefined)[];
  /** Resource entries: literal text, or the raw value (references, resolved on first use); undefined when absent. */
  readonly resources?: readonly ResourceEntry[];
}

interface ResourceEntry {
  readonly text?: string;
  readonly raw: unknown;
  refs?: readonly TemplateResource[];
}

function statement(json: Record<string, unknown>, from: TemplateResource): Statement {
  const effect = toStr(json.Effect);
  const actions = listOf(json.Action);
  const texts = listOf(json.Resource, true);
  const raws = toArray(json.Resource) ?? [json.Resource];
  return {
    from,
    denies: effect !== undefined && effect !== 'Allow',
    broad: json.NotAction !== undefined || json.NotResource !== undefined,
    actions: actions?.map((a) => (a === undefined ? undefined : a.toLowerCase().split('*'))),
    actionNames: actions,
    resources: texts?.map((text, i) => ({ text, raw: raws[i] })),
  };
}

export interface RolePermissions {
  readonly statements: readonly Statement[];
  /** False when an attached policy could not be read (an unknown managed policy, an unresolved attachment). */
  readonly complete: boolean;
}

/** The role a value (usually Fn::GetAtt Role.Arn) points at, when it is in the assembly. */
export function roleOf(value: unknown, from: TemplateResource, assembly: AssemblyModel): TemplateResource | undefined {
  const res = assembly.resolveResource(value, from.stack);
  return res?.type === ROLE ? res : undefined;
}

export function rolePermissions(role: TemplateResource, assembly: AssemblyModel): RolePermissions {
  return resourceFact(role, readPermissions, assembly);
}

interface AttachmentIndex {
  /** Policy resources attached to each role of the assembly. */
  readonly byRole: Map<TemplateResource, TemplateResource[]>;
  /** A policy attached to a role the index could not resolve: it could be any role. */
  readonly unresolved: boolean;
}

/** Which policy resources attach to which role, built once per assembly. */
function attachmentIndex(assembly: AssemblyModel): AttachmentIndex {
  return assembly.derived(buildAttachmentIndex, buildAttachmentIndex);
}

function buildAttachmentIndex(assembly: AssemblyModel): AttachmentIndex {
  const byRole = new Map<TemplateResource, TemplateResource[]>();
  let unresolved = false;
  const attach = (role: TemplateResource, policy: TemplateResource) => byRole.set(role, [...byRole.get(role) ?? [], policy]);
  for (const type of ATTACHING_TYPES) {
    for (const policy of assembly.ofType(type)) {
      const roles = policy.properties.Roles;
      if (roles === undefined) continue;
      const list = toArray(roles);
      if (!list) {
        unresolved = true;
        continue;
      }
      for (const r of list) {
        const target = assembly.resolveResource(r, policy.stack);
        if (target?.type === ROLE) attach(target, policy);
        else if (!target && toStr(r) === undefined) unresolved = true;
      }
    }
  }
  for (const policy of assembly.ofType(ROLE_POLICY)) {
    const target = assembly.resolveResource(policy.properties.RoleName, policy.stack);
    if (target?.type === ROLE) attach(target, policy);
    else if (!target && toStr(policy.properties.RoleName) === undefined) unresolved = true;
  }
  return { byRole, unresolved };
}

function readPermissions(role: TemplateResource, assembly: AssemblyModel): RolePermissions {
  let complete = true;
  const statements: Statement[] = [];
  const addDocument = (doc: unknown, from: TemplateResource) => {
    const list = policyStatements(doc);
    if (!list) {
      complete = false;
      return;
    }
    for (const s of list) {
      const json = toObject(s);
      if (json) statements.push(statement(json, from));
      else complete = false;
    }
  };
  for (const p of toArray(role.properties.Policies) ?? []) addDocument(toObject(p)?.PolicyDocument, role);
  if (role.properties.Policies !== undefined && !toArray(role.properties.Policies)) complete = false;

  const attachments = attachmentIndex(assembly);
  const attached = new Set(attachments.byRole.get(role) ?? []);
  const managed = role.properties.ManagedPolicyArns;
  if (managed !== undefined && !toArray(managed)) complete = false;
  for (const arn of toArray(managed) ?? []) {
    const local = assembly.resolveResource(arn, role.stack);
    if (local?.type === 'AWS::IAM::ManagedPolicy') {
      // A managed policy of the app named by the role (role.addManagedPolicy): its document is in the template.
      // One that also names the role in its Roles is read below, with the other attachments.
      if (!attached.has(local)) addDocument(local.properties.PolicyDocument, local);
      continue;
    }
    const text = JSON.stringify(arn);
    if (/:iam::aws:policy\/(service-role\/)?AmazonECSTaskExecutionRolePolicy"/.test(text)) {
      statements.push(statement({ Effect: 'Allow', Action: EXECUTION_ROLE_POLICY_ACTIONS, Resource: '*' }, role));
    } else {
      complete = false; // an AWS managed or external policy whose content the template does not show
    }
  }

  if (attachments.unresolved) complete = false;
  for (const policy of attached) addDocument(policy.properties.PolicyDocument, policy);
  return { statements, complete };
}

/** Whether any Allow statement could grant `action` on `target` (a resource of the assembly). */
export function allows(perms: RolePermissions, action: string, target: TemplateResource | '*', assembly: AssemblyModel): boolean {
  const wanted = action.toLowerCase();
  for (const s of perms.statements) {
    if (s.denies) continue;
    if (s.broad) return true;
    if (!s.actions || !s.actions.some((a) => a === undefined || matchesWildcardParts(a, wanted))) continue;
    if (!s.resources) return true;
    for (const r of s.resources) {
      if (resourceMayMatch(r, target, s.from, assembly)) return true;
    }
  }
  return false;
}

/**
 * The actions of `service` (e.g. `sqs`) that Allow statements name explicitly, as written (`sqs:ReceiveMessage`,
 * `sqs:*`): what the role's holder calls. `*` and NotAction name no service, so they say nothing of what it calls.
 */
export function namedActions(perms: RolePermissions, service: string): string[] {
  const prefix = `${service.toLowerCase()}:`;
  const out: string[] = [];
  for (const s of perms.statements) {
    if (s.denies || s.broad) continue;
    (s.actions ?? []).forEach((a, i) => {
      if (a && a[0].startsWith(prefix)) out.push(s.actionNames?.[i] ?? a.join('*'));
    });
  }
  return out;
}

/** Strings of a string-or-list value; undefined entries for unresolved items; undefined when unreadable. */
function listOf(value: unknown, keepRaw = false): (string | undefined)[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  // A token string is unresolved: it may name any action or resource.
  return list.map((v) => (typeof v === 'string' && !isUnresolved(v) ? v : keepRaw ? undefined : toStr(v)));
}

/**
 * A Resource entry may match the target unless it names something else for
 * sure: a literal ARN without wildcards, or references only to other
 * resources of the assembly.
 */
function resourceMayMatch(entry: ResourceEntry, target: TemplateResource | '*', from: TemplateResource, assembly: AssemblyModel): boolean {
  if (target === '*') return true;
  const text = entry.text;
  if (text !== undefined) return patternMayMatch(text, target);
  const refs = entry.refs ??= referencedResources(entry.raw, from, assembly);
  if (refs.length > 0) return refs.includes(target);
  // An ARN built with Fn::Sub or Fn::Join: its undecided parts (pseudo parameters, parameters, imports) may be anything.
  const shape = stringShape(entry.raw, from.stack);
  // A token (an unresolved CDK value) may be anything too.
  return shape === undefined || isUnresolved(shape.text) || patternMayMatch(shape.text.split(HOLE).join('*'), target);
}

/** A literal Resource pattern may name the target unless the target's ARN shape rules it out. */
function patternMayMatch(text: string, target: TemplateResource): boolean {
  const wildcards = /[*?]/.test(text);
  const glob = wildcards ? arnGlobOf(target) : undefined;
  if (glob !== undefined) return globsIntersect(text, glob);
  return wildcards || text.includes(physicalName(target) ?? '\u0000');
}

function physicalName(target: TemplateResource | '*'): string | undefined {
  if (target === '*') return undefined;
  const p = target.properties;
  return toStr(p.Name ?? p.RepositoryName ?? p.LogGroupName);
}

/** The resources of the assembly a value refers to (Ref, Fn::GetAtt, Fn::ImportValue, Fn::GetStackOutput anywhere inside it). */
export function referencedResources(value: unknown, from: TemplateResource, assembly: AssemblyModel): TemplateResource[] {
  const out: TemplateResource[] = [];
  collectReferences(value, from, assembly, out);
  return out;
}

function collectReferences(v: unknown, from: TemplateResource, assembly: AssemblyModel, out: TemplateResource[]): void {
  if (Array.isArray(v)) {
    for (const x of v) collectReferences(x, from, assembly, out);
    return;
  }
  const obj = toObjectRaw(v);
  if (!obj) return;
  const only = intrinsicKey(obj);
  if (only === 'Ref' || only === 'Fn::GetAtt' || only === 'Fn::ImportValue' || only === 'Fn::GetStackOutput') {
    const res = assembly.resolveResource(obj, from.stack);
    if (res) out.push(res);
    return;
  }
  for (const k in obj) {
    if (Object.prototype.hasOwnProperty.call(obj, k)) collectReferences(obj[k], from, assembly, out);
  }
}

function toObjectRaw(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : undefined;
}
