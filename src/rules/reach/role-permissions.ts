/**
 * What an IAM role of the assembly is allowed, read from its inline policies,
 * the AWS::IAM::Policy / ManagedPolicy / RolePolicy resources attached to it,
 * and the one AWS managed policy whose content matters here. `complete` is
 * false when anything attached could not be read: rules then stay silent.
 */
import { AssemblyModel, TemplateResource } from '../model';
import { isUnresolved, matchesWildcard, toArray, toObject, toStr } from '../values';

const ROLE = 'AWS::IAM::Role';
const ATTACHING_TYPES = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'];
const ROLE_POLICY = 'AWS::IAM::RolePolicy';

/** AmazonECSTaskExecutionRolePolicy: ECR pulls and CloudWatch Logs writes on any resource. */
const EXECUTION_ROLE_POLICY_ACTIONS = ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer',
  'ecr:BatchGetImage', 'logs:CreateLogStream', 'logs:PutLogEvents'];

interface Statement {
  readonly json: Record<string, unknown>;
  /** Stack the statement is written in, to resolve its references. */
  readonly from: TemplateResource;
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
  let perms = PERMISSIONS.get(role);
  if (!perms) {
    perms = readPermissions(role, assembly);
    PERMISSIONS.set(role, perms);
  }
  return perms;
}

const PERMISSIONS = new WeakMap<TemplateResource, RolePermissions>();

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
    const list = toArray(toObject(doc)?.Statement) ?? (toObject(toObject(doc)?.Statement) ? [toObject(doc)!.Statement] : undefined);
    if (!list) {
      complete = false;
      return;
    }
    for (const s of list) {
      const json = toObject(s);
      if (json) statements.push({ json, from });
      else complete = false;
    }
  };
  for (const p of toArray(role.properties.Policies) ?? []) addDocument(toObject(p)?.PolicyDocument, role);
  if (role.properties.Policies !== undefined && !toArray(role.properties.Policies)) complete = false;

  const managed = role.properties.ManagedPolicyArns;
  if (managed !== undefined && !toArray(managed)) complete = false;
  for (const arn of toArray(managed) ?? []) {
    const local = assembly.resolveResource(arn, role.stack);
    if (local?.type === 'AWS::IAM::ManagedPolicy') continue; // read below, with the other attachments
    const text = JSON.stringify(arn);
    if (/:iam::aws:policy\/(service-role\/)?AmazonECSTaskExecutionRolePolicy"/.test(text)) {
      statements.push({ json: { Effect: 'Allow', Action: EXECUTION_ROLE_POLICY_ACTIONS, Resource: '*' }, from: role });
    } else {
      complete = false; // an AWS managed or external policy whose content the template does not show
    }
  }

  const attachments = attachmentIndex(assembly);
  if (attachments.unresolved) complete = false;
  for (const policy of attachments.byRole.get(role) ?? []) addDocument(policy.properties.PolicyDocument, policy);
  return { statements, complete };
}

/** Whether any Allow statement could grant `action` on `target` (a resource of the assembly). */
export function allows(perms: RolePermissions, action: string, target: TemplateResource | '*', assembly: AssemblyModel): boolean {
  return perms.statements.some((s) => {
    // An unresolved Effect may be Allow.
    const effect = toStr(s.json.Effect);
    if (effect !== undefined && effect !== 'Allow') return false;
    // NotAction / NotResource: too broad to judge, so count as granting.
    if (s.json.NotAction !== undefined || s.json.NotResource !== undefined) return true;
    const actions = listOf(s.json.Action);
    if (!actions || !actions.some((a) => a === undefined || actionMatches(a, action))) return false;
    const resources = listOf(s.json.Resource, true);
    if (!resources) return true;
    return resources.some((r, i) => resourceMayMatch(r, (toArray(s.json.Resource) ?? [s.json.Resource])[i], target, s.from, assembly));
  });
}

/** Strings of a string-or-list value; undefined entries for unresolved items; undefined when unreadable. */
function listOf(value: unknown, keepRaw = false): (string | undefined)[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  // A token string is unresolved: it may name any action or resource.
  return list.map((v) => (typeof v === 'string' && !isUnresolved(v) ? v : keepRaw ? undefined : toStr(v)));
}

function actionMatches(pattern: string, action: string): boolean {
  return matchesWildcard(pattern, action, true);
}

/**
 * A Resource entry may match the target unless it names something else for
 * sure: a literal ARN without wildcards, or references only to other
 * resources of the assembly.
 */
function resourceMayMatch(text: string | undefined, raw: unknown, target: TemplateResource | '*', from: TemplateResource, assembly: AssemblyModel): boolean {
  if (text !== undefined) return text.includes('*') || target === '*' || text.includes(physicalName(target) ?? '\u0000');
  const refs = referencedResources(raw, from, assembly);
  // An expression naming no resource of the app (a parameter, a token) may be anything, '*' included.
  if (refs.length === 0) return true;
  return target !== '*' && refs.includes(target);
}

function physicalName(target: TemplateResource | '*'): string | undefined {
  if (target === '*') return undefined;
  const p = target.properties;
  return toStr(p.Name ?? p.RepositoryName ?? p.LogGroupName);
}

/** The resources of the assembly a value refers to (Ref, Fn::GetAtt, Fn::ImportValue anywhere inside it). */
export function referencedResources(value: unknown, from: TemplateResource, assembly: AssemblyModel): TemplateResource[] {
  const out: TemplateResource[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    const obj = toObjectRaw(v);
    if (!obj) return;
    const keys = Object.keys(obj);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Fn::GetAtt' || keys[0] === 'Fn::ImportValue')) {
      const res = assembly.resolveResource(obj, from.stack);
      if (res) out.push(res);
      return;
    }
    Object.values(obj).forEach(walk);
  };
  walk(value);
  return out;
}

function toObjectRaw(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : undefined;
}
