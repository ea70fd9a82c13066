/**
 * Least privilege over every IAM policy the example apps, the default-props
 * app and the kit's grant surfaces synthesize: no wildcard actions, no
 * `Resource: "*"` beyond actions AWS authorizes only on `*`, iam:PassRole
 * only to a named service, and no inline policies from kit constructs
 * (their grants live in customer-managed policies).
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { exampleApps, grantSurfacesApp, pathMetadataApp, synthesize, SynthesizedApp, SynthesizedResource } from './example-apps';
import { FargateTask } from '../../src';
import { DEFAULTS_IMAGE } from '../fixtures/default-props-app';

/**
 * Actions allowed on `Resource: "*"`: each has no resource type in the
 * Service Authorization Reference, so `*` is the only resource it takes.
 */
const STAR_RESOURCE_ALLOWED: Record<string, string> = {
  // ECR: the registry login token is account-wide; the pulls themselves are scoped to the repository ARN.
  'ecr:GetAuthorizationToken': 'ECR authorization tokens are per registry login, not per repository',
  // ECS Exec (aws-cdk-lib's enableExecuteCommand): the SSM agent's Session Manager channels take no resource.
  'ssmmessages:CreateControlChannel': 'ECS Exec session channel; ssmmessages defines no resource types',
  'ssmmessages:CreateDataChannel': 'ECS Exec session channel; ssmmessages defines no resource types',
  'ssmmessages:OpenControlChannel': 'ECS Exec session channel; ssmmessages defines no resource types',
  'ssmmessages:OpenDataChannel': 'ECS Exec session channel; ssmmessages defines no resource types',
  // ECS Exec checks the session log group exists; DescribeLogGroups is a List action on the account.
  'logs:DescribeLogGroups': 'lists the account\'s log groups; the exec log writes are scoped to the group ARN',
  // EcsCluster.grantDescribe/grantOperate: ListServices takes no resource; the ecs:cluster condition scopes it.
  'ecs:ListServices': 'no resource type; scoped to the one cluster by the ecs:cluster condition',
};

/** Allow-listed actions that must carry a condition that scopes them. */
const STAR_RESOURCE_CONDITION: Record<string, string> = { 'ecs:ListServices': 'ecs:cluster' };

interface Statement {
  readonly where: string;
  readonly path?: string;
  readonly kitOwned: boolean;
  readonly statement: any;
}

const arrayOf = (x: unknown): any[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Every statement of every IAM policy (standalone, managed, and inline in a role) in `apps`. */
function statementsOf(apps: readonly SynthesizedApp[]): Statement[] {
  const documents = (r: SynthesizedResource): any[] => {
    const p = r.resource.Properties ?? {};
    switch (r.resource.Type) {
      case 'AWS::IAM::Policy':
      case 'AWS::IAM::ManagedPolicy':
        return [p.PolicyDocument];
      case 'AWS::IAM::Role':
      case 'AWS::IAM::User':
      case 'AWS::IAM::Group':
        return arrayOf(p.Policies).map((pol: any) => pol.PolicyDocument);
      default:
        return [];
    }
  };
  return apps.flatMap((a) => a.resources.flatMap((r) => documents(r).flatMap((doc) => arrayOf(doc?.Statement)
    .map((statement) => ({ where: r.where, path: r.path, kitOwned: r.kitOwned, statement })))));
}

const describe_ = (s: Statement) => `${s.path ?? s.where}: ${JSON.stringify(s.statement)}`;

describe.each([
  ['the example apps and the default-props app', () => exampleApps()],
  ['the kit\'s grant surfaces (ECS Exec, cluster, repository and run-task grants)', () => [grantSurfacesApp()]],
])('least privilege in %s', (_name, build) => {
  let statements: Statement[];
  beforeAll(() => {
    statements = statementsOf(build());
  });

  test('the apps have IAM statements from kit constructs to check', () => {
    expect(statements.filter((s) => s.kitOwned).length).toBeGreaterThan(5);
  });

  test('no action is `*` or `service:*`, and no statement uses NotAction or NotResource', () => {
    const wide = statements.filter((s) => arrayOf(s.statement.Action).some((a) => typeof a === 'string' && (a === '*' || /^[a-z0-9-]+:\*$/i.test(a)))
      || s.statement.NotAction !== undefined || s.statement.NotResource !== undefined);
    expect(wide.map(describe_)).toEqual([]);
  });

  test('`Resource: "*"` only for the allow-listed actions AWS authorizes only on `*`', () => {
    const onStar = statements.filter((s) => s.statement.Effect === 'Allow' && arrayOf(s.statement.Resource).includes('*'));
    const offending = onStar.flatMap((s) => arrayOf(s.statement.Action)
      .filter((a) => !(a in STAR_RESOURCE_ALLOWED)).map((a) => `${a} at ${describe_(s)}`));
    expect(offending).toEqual([]);
    // A scoping condition where the action has one.
    for (const s of onStar) {
      for (const a of arrayOf(s.statement.Action)) {
        const key = STAR_RESOURCE_CONDITION[a];
        if (key) expect(Object.values(s.statement.Condition ?? {}).some((c: any) => key in c)).toBe(true);
      }
    }
  });

  test('iam:PassRole always names the service the role is passed to', () => {
    const passRole = statements.filter((s) => s.statement.Effect === 'Allow' && arrayOf(s.statement.Action).includes('iam:PassRole'));
    for (const s of passRole) {
      const passedTo = Object.values(s.statement.Condition ?? {}).map((c: any) => c['iam:PassedToService']).filter((v) => v !== undefined);
      expect({ at: describe_(s), passedTo }).toEqual({ at: describe_(s), passedTo: [expect.stringMatching(/\.amazonaws\.com$/)] });
    }
  });

  test('kit constructs create no inline policies: no AWS::IAM::Policy and no Role.Policies under a kit construct', () => {
    const inline = build().flatMap((a) => a.resources).filter((r) => r.kitOwned
      && (r.resource.Type === 'AWS::IAM::Policy' || (r.resource.Type === 'AWS::IAM::Role' && arrayOf(r.resource.Properties?.Policies).length > 0)));
    expect(inline.map((r) => r.path)).toEqual([]);
  });
});

test('every allow-listed `Resource: "*"` action occurs in the apps (the list does not outlive its reasons)', () => {
  const statements = statementsOf([...exampleApps(), grantSurfacesApp()]);
  const onStar = new Set(statements.filter((s) => arrayOf(s.statement.Resource).includes('*')).flatMap((s) => arrayOf(s.statement.Action)));
  expect(Object.keys(STAR_RESOURCE_ALLOWED).filter((a) => !onStar.has(a))).toEqual([]);
});

test('resources aws-cdk-lib creates outside kit constructs (the example VPC) are not counted as the kit\'s; an inline policy inside one is caught', () => {
  const resources = exampleApps().flatMap((a) => a.resources);
  expect(resources.filter((r) => r.path?.endsWith('/VpcFlowLogPolicy/Resource')).map((r) => r.kitOwned)).toEqual([false, false]);
  const webTask = resources.filter((r) => r.path?.startsWith('EcsKitServices/WebTask/'));
  expect(webTask.length).toBeGreaterThan(0);
  expect(webTask.every((r) => r.kitOwned)).toBe(true);

  // The detection works: an inline policy added under a kit construct is seen as the kit's.
  const app = pathMetadataApp();
  const stack = new Stack(app, 'Probe');
  const task = new FargateTask(stack, 'Task', { container: { image: DEFAULTS_IMAGE } });
  new iam.Policy(task, 'Inline', { statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] }).attachToRole(task.taskRole);
  const inline = synthesize('probe', app).resources.filter((r) => r.resource.Type === 'AWS::IAM::Policy');
  expect(inline.map((r) => [r.path, r.kitOwned])).toEqual([['Probe/Task/Inline/Resource', true]]);
});
