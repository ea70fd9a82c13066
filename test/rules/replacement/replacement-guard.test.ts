import { AssemblyModel, CfnTemplate } from '../../../src/rules/model';
import { GUARDED_TYPES, replacementFindings } from '../../../src/rules/replacement/replacement-guard';
import { CREATE_ONLY_PROPERTIES } from '../../../src/rules/tables/create-only-properties';

type Res = Record<string, { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }>;

function asm(resources: Res, stack = 'App', extra: Partial<CfnTemplate> = {}): AssemblyModel {
  return new AssemblyModel([{ name: stack, template: { Resources: resources, ...extra } }]);
}

const path = (p: string) => ({ 'aws:cdk:path': `App/${p}/Resource` });

function service(props: Record<string, unknown> = {}, metadataPath = 'Web/Service'): Res[string] {
  return {
    Type: 'AWS::ECS::Service',
    Properties: { Cluster: { Ref: 'Cluster' }, LaunchType: 'FARGATE', DesiredCount: 2, TaskDefinition: { Ref: 'Task' }, ...props },
    Metadata: path(metadataPath),
  };
}

const cluster: Res[string] = { Type: 'AWS::ECS::Cluster', Properties: {}, Metadata: path('Cluster') };

describe('replacement guard (ECS-RP-01)', () => {
  test('the generated table covers every guarded type, with the schema facts the guard relies on', () => {
    for (const type of Object.keys(GUARDED_TYPES)) expect(CREATE_ONLY_PROPERTIES[type]).toBeDefined();
    expect(CREATE_ONLY_PROPERTIES['AWS::ECS::Service'].createOnly).toEqual(expect.arrayContaining(['Cluster', 'ServiceName', 'SchedulingStrategy', 'Role']));
    expect(CREATE_ONLY_PROPERTIES['AWS::ECS::Service'].conditionalCreateOnly).toContain('LaunchType');
    expect(CREATE_ONLY_PROPERTIES['AWS::ECR::Repository'].createOnly).toContain('EncryptionConfiguration');
  });

  test('GIVEN a ServiceName change THEN one warning names the property, both values, the path and a fix', () => {
    const before = asm({ Cluster: cluster, Svc: service({ ServiceName: 'web' }) });
    const after = asm({ Cluster: cluster, Svc: service({ ServiceName: 'web-v2' }) });

    const findings = replacementFindings(before, after);

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'ECS-RP-01',
      severity: 'warning',
      stack: 'App',
      logicalId: 'Svc',
      path: 'App/Web/Service',
      property: 'Properties/ServiceName',
      value: '"web-v2"',
    });
    expect(findings[0].message).toMatch(/^\[ECS-RP-01\] Changing ServiceName from "web" to "web-v2" replaces ECS service Svc at App\/Web\/Service; allowed: in-place updates; AWS::ECS::Service is replaced when any of Cluster, Role, SchedulingStrategy, ServiceName, LaunchType changes\. Keep ServiceName/);
    // The new service gets the new name while the old one still exists: no conflict.
    expect(findings[0].message).not.toContain('name conflict');
  });

  test('GIVEN a fixed name kept while a create-only property changes THEN the fix says the replacement fails on the name', () => {
    const other: Res[string] = { ...cluster, Metadata: path('Other') };
    const before = asm({ Cluster: cluster, Other: other, Svc: service({ ServiceName: 'web' }) });
    const moved = asm({ Cluster: cluster, Other: other, Svc: service({ ServiceName: 'web', Cluster: { Ref: 'Other' } }) });
    const [f] = replacementFindings(before, moved);
    expect(f.message).toContain('With the fixed ServiceName "web" kept, the replacement fails on a name conflict: change the name with it');
    // A name given for the first time (the old service had a generated one) cannot clash.
    const unnamed = asm({ Cluster: cluster, Other: other, Svc: service() });
    const [g] = replacementFindings(unnamed, asm({ Cluster: cluster, Other: other, Svc: service({ ServiceName: 'web' }) }));
    expect(g.message).toContain('Changing ServiceName from (not set) to "web"');
    expect(g.message).not.toContain('name conflict');
    // An undecidable name says nothing either.
    const param = asm({ Cluster: cluster, Other: other, Svc: service({ ServiceName: { Ref: 'Name' }, Cluster: { Ref: 'Other' } }) });
    expect(replacementFindings(asm({ Cluster: cluster, Other: other, Svc: service({ ServiceName: { Ref: 'Name' } }) }), param)[0].message).not.toContain('name conflict');
  });

  test('GIVEN launch type FARGATE switched to a capacity provider strategy THEN the #24907 warning, and only it', () => {
    const before = asm({ Cluster: cluster, Svc: service() });
    const strategy = [{ CapacityProvider: 'FARGATE', Base: 1, Weight: 1 }, { CapacityProvider: 'FARGATE_SPOT', Weight: 3 }];
    const after = asm({ Cluster: cluster, Svc: service({ LaunchType: undefined, CapacityProviderStrategy: strategy }) });

    const findings = replacementFindings(before, after);

    expect(findings).toHaveLength(1);
    expect(findings[0].property).toBe('Properties/LaunchType');
    expect(findings[0].message).toContain('Changing LaunchType "FARGATE" to CapacityProviderStrategy [FARGATE weight 1 base 1, FARGATE_SPOT weight 3] replaces ECS service Svc (aws-cdk #24907) at App/Web/Service');
  });

  test('GIVEN a capacity provider strategy switched back to a launch type THEN a warning', () => {
    const before = asm({ Svc: service({ LaunchType: undefined, CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }] }) });
    const after = asm({ Svc: service({ LaunchType: 'FARGATE' }) });
    const [f] = replacementFindings(before, after);
    expect(f.message).toContain('Changing CapacityProviderStrategy [FARGATE weight 1] to LaunchType "FARGATE" replaces');
  });

  test('GIVEN only in-place changes (count, task definition, strategy weights) THEN no warning', () => {
    const s = (w: number) => [{ CapacityProvider: 'FARGATE_SPOT', Weight: w }];
    const before = asm({ Cluster: cluster, Svc: service({ LaunchType: undefined, CapacityProviderStrategy: s(1), DesiredCount: 2 }) });
    const after = asm({ Cluster: cluster, Svc: service({ LaunchType: undefined, CapacityProviderStrategy: s(4), DesiredCount: 9, TaskDefinition: { Ref: 'Task2' } }) });
    expect(replacementFindings(before, after)).toEqual([]);
  });

  test('GIVEN a service moved to another cluster THEN the reference change is reported readably', () => {
    const before = asm({ Cluster: cluster, Other: cluster, Svc: service() });
    const after = asm({ Cluster: cluster, Other: cluster, Svc: service({ Cluster: { Ref: 'Other' } }) });
    const [f] = replacementFindings(before, after);
    expect(f.message).toContain('Changing Cluster from a reference to App/Cluster to a reference to App/Other replaces ECS service Svc');
  });

  test('GIVEN a reference that resolves through an export to the same literal THEN no warning', () => {
    const before = new AssemblyModel([
      { name: 'App', template: { Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'shared' } } } } },
    ]);
    const after = new AssemblyModel([
      { name: 'Base', template: { Resources: {}, Outputs: { N: { Value: 'shared', Export: { Name: 'RepoName' } } } } },
      { name: 'App', template: { Resources: { Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: { 'Fn::ImportValue': 'RepoName' } } } } } },
    ]);
    expect(replacementFindings(before, after)).toEqual([]);
  });

  test('GIVEN values the templates cannot decide (parameters, Fn::If) THEN skipped, never guessed', () => {
    const before = asm({ Svc: service({ ServiceName: { Ref: 'NameA' } }) });
    const after = asm({ Svc: service({ ServiceName: { 'Fn::If': ['Cond', 'a', 'b'] } }) });
    expect(replacementFindings(before, after)).toEqual([]);
  });

  test('GIVEN an ECR encryption key change THEN one warning at the parent property, not one per nested path', () => {
    const repo = (key: string): Res[string] => ({
      Type: 'AWS::ECR::Repository',
      Properties: { EncryptionConfiguration: { EncryptionType: 'KMS', KmsKey: key } },
      Metadata: path('Repo'),
    });
    const findings = replacementFindings(asm({ Repo: repo('k1') }), asm({ Repo: repo('k2') }));
    expect(findings.map((f) => f.property)).toEqual(['Properties/EncryptionConfiguration']);
    expect(findings[0].message).toContain('replaces ECR repository Repo');
  });

  test('GIVEN a capacity provider on another Auto Scaling group THEN the nested create-only path is named', () => {
    const cp = (asg: string): Res[string] => ({
      Type: 'AWS::ECS::CapacityProvider',
      Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: { Ref: asg }, ManagedTerminationProtection: 'DISABLED' } },
    });
    const asgs = { AsgA: { Type: 'AWS::AutoScaling::AutoScalingGroup' }, AsgB: { Type: 'AWS::AutoScaling::AutoScalingGroup' } };
    const [f] = replacementFindings(asm({ ...asgs, Cp: cp('AsgA') }), asm({ ...asgs, Cp: cp('AsgB') }));
    expect(f.property).toBe('Properties/AutoScalingGroupProvider/AutoScalingGroupArn');
    expect(f.message).toContain('replaces capacity provider Cp');
  });

  test('GIVEN a service whose logical id changed at the same construct path THEN delete + create is reported', () => {
    const before = asm({ Cluster: cluster, SvcOld: service() });
    const after = asm({ Cluster: cluster, SvcNew: service() });
    const [f] = replacementFindings(before, after);
    expect(f).toMatchObject({ logicalId: 'SvcNew', property: '' });
    expect(f.message).toContain('Changing the logical id from SvcOld to SvcNew replaces ECS service SvcNew');
    expect(f.message).toContain("overrideLogicalId('SvcOld')");
  });

  // A migration (ecs-patterns to the kit) moves the service to another construct path: the path match cannot pair them.
  test('GIVEN a service deleted while another is created at another path THEN the new one is reported as a possible replacement', () => {
    const before = asm({ A: service({}, 'A/Service'), B: service({}, 'Worker/QueueProcessingFargateService/Service') });
    const after = asm({ A: service({}, 'A/Service'), C: service({}, 'Worker/Service') });
    const findings = replacementFindings(before, after);
    expect(findings.map((f) => [f.logicalId, f.property])).toEqual([['C', '']]);
    expect(findings[0].message).toContain('ECS service C is created while the baseline\'s ECS service B (App/Worker/QueueProcessingFargateService/Service) '
      + 'is deleted from stack App: if it takes over, that is a replacement');
    expect(findings[0].message).toContain("overrideLogicalId('B')");
  });

  test('GIVEN a service only deleted, or only created THEN no warning (nothing takes over)', () => {
    const both = asm({ A: service({}, 'A/Service'), B: service({}, 'B/Service') });
    const one = asm({ A: service({}, 'A/Service') });
    expect(replacementFindings(both, one)).toEqual([]);
    expect(replacementFindings(one, both)).toEqual([]);
  });

  test('GIVEN templates without path metadata THEN the single removed/added pair of a type is reported', () => {
    const bare = (id: string) => ({ [id]: { Type: 'AWS::ECS::Cluster', Properties: {} } });
    const [f] = replacementFindings(asm(bare('C1')), asm(bare('C2')));
    expect(f.message).toContain('Changing the logical id from C1 to C2 replaces ECS cluster C2 (CloudFormation deletes');
    // A template written by hand: the fix names the logical id, not CDK's overrideLogicalId (found by a user trial).
    expect(f.message).toContain('Keep the logical id C1');
    expect(f.message).not.toContain('overrideLogicalId');
  });

  test('GIVEN a stack that is new or unguarded resources that change THEN no warning', () => {
    expect(replacementFindings(asm({}, 'Old'), asm({ Svc: service({ ServiceName: 'x' }) }))).toEqual([]);
    const q = (n: string) => ({ Q: { Type: 'AWS::SQS::Queue', Properties: { QueueName: n } } });
    expect(replacementFindings(asm(q('a')), asm(q('b')))).toEqual([]);
  });

  // The service's Cluster text ({ Ref: Cluster }) is the same, but its value is the new cluster's: CloudFormation replaces it.
  test('GIVEN a cluster replaced by a ClusterName change THEN its services and associations are reported as replaced too', () => {
    const named = (name: string): Res[string] => ({ ...cluster, Properties: { ClusterName: name } });
    const assoc: Res[string] = { Type: 'AWS::ECS::ClusterCapacityProviderAssociations', Properties: { Cluster: { Ref: 'Cluster' }, CapacityProviders: ['FARGATE'], DefaultCapacityProviderStrategy: [] } };
    const before = asm({ Cluster: named('shop'), Svc: service({ ServiceName: 'web' }), Assoc: assoc });
    const after = asm({ Cluster: named('shop2'), Svc: service({ ServiceName: 'web' }), Assoc: assoc });
    const findings = replacementFindings(before, after);
    expect(findings.map((f) => [f.logicalId, f.property])).toEqual([
      ['Cluster', 'Properties/ClusterName'], ['Svc', 'Properties/Cluster'], ['Assoc', 'Properties/Cluster'],
    ]);
    const svc = findings[1].message;
    expect(svc).toContain('Cluster refers to ECS cluster Cluster, which this change replaces, so CloudFormation replaces ECS service Svc too');
    expect(svc).toContain('With the fixed ServiceName "web" kept, the replacement fails on a name conflict');
    // Without the cluster change, nothing.
    expect(replacementFindings(before, asm({ Cluster: named('shop'), Svc: service({ ServiceName: 'web' }), Assoc: assoc }))).toEqual([]);
  });

  // Found by a CDK Pipelines user trial: the message said the service would be replaced; the cluster stack's deploy fails first.
  test('GIVEN a replaced cluster that another stack imports THEN the warning names the export CloudFormation will not change', () => {
    const named = (name: string): Res[string] => ({ ...cluster, Properties: { ClusterName: name } });
    const stacks = (name: string) => new AssemblyModel([
      { name: 'Base', template: { Resources: { Cluster: named(name) }, Outputs: { C: { Value: { Ref: 'Cluster' }, Export: { Name: 'Base:Cluster' } } } } },
      { name: 'Services', template: { Resources: { Svc: service({ Cluster: { 'Fn::ImportValue': 'Base:Cluster' } }) } } },
    ]);
    const findings = replacementFindings(stacks('shop'), stacks('shop2'));
    expect(findings.map((f) => [f.stack, f.logicalId])).toEqual([['Base', 'Cluster'], ['Services', 'Svc']]);
    expect(findings[1].message).toContain('Cluster imports ECS cluster Cluster from stack Base, which this change replaces: its export gets a new value, '
      + 'and CloudFormation refuses to change an export that stack Services imports, so the deploy of Base fails ("Export ... cannot be updated as it is in use by Services")');
    expect(findings[1].message).toContain('or keep the old export with stack.exportValue in Base');
  });

  test('GIVEN a scheduling strategy change THEN a warning (REPLICA to DAEMON replaces)', () => {
    const [f] = replacementFindings(asm({ Svc: service({ SchedulingStrategy: 'REPLICA' }) }), asm({ Svc: service({ SchedulingStrategy: 'DAEMON' }) }));
    expect(f.message).toContain('Changing SchedulingStrategy from "REPLICA" to "DAEMON" replaces');
  });
});

describe('replacement guard: a resource moved to another stack', () => {
  const stacks = (a: Res, b: Res) => new AssemblyModel([
    { name: 'TeamA', template: { Resources: a } },
    { name: 'TeamB', template: { Resources: b } },
  ]);
  const worker = (stack: string, props: Record<string, unknown> = {}) => ({
    Type: 'AWS::ECS::Service',
    Properties: { Cluster: 'shared', LaunchType: 'FARGATE', TaskDefinition: 'arn:td', ...props },
    Metadata: { 'aws:cdk:path': `${stack}/Worker/Service/Service` },
  });

  test('GIVEN a service with a fixed name moved from TeamA to TeamB THEN a warning says the create fails while the old one exists', () => {
    const findings = replacementFindings(
      stacks({ Worker1: worker('TeamA', { ServiceName: 'orders-worker' }) }, {}),
      stacks({}, { Worker2: worker('TeamB', { ServiceName: 'orders-worker' }) }));
    expect(findings.map((f) => f.message)).toEqual([
      '[ECS-RP-01] ECS service Worker2 moves from stack TeamA (Worker1) to stack TeamB: CloudFormation creates it with TeamB\'s deploy and deletes '
      + 'the old one with TeamA\'s, a replacement, and with the fixed ServiceName "orders-worker" the create fails while the old one exists '
      + 'at TeamB/Worker/Service/Service; allowed: a resource kept in the stack it was deployed from. Keep it in stack TeamA; or move it in two deploys: '
      + 'remove it from TeamA and deploy that stack, then add it to TeamB (tasks stop in between), or create the new one under another name '
      + 'beside the old, shift traffic, then remove the old.',
    ]);
  });

  test('GIVEN the same construct path below the stack and generated names THEN the move is reported without the name clash', () => {
    const [f] = replacementFindings(stacks({ W: worker('TeamA') }, {}), stacks({}, { W: worker('TeamB') }));
    expect(f.message).toContain('ECS service W moves from stack TeamA (W) to stack TeamB');
    expect(f.message).not.toContain('fixed');
  });

  test('GIVEN two services that swap stacks THEN one move each, and neither is offered the other\'s logical id (found by the platform trial)', () => {
    const svc = (stack: string, name: string) => ({ ...worker(stack), Metadata: { 'aws:cdk:path': `${stack}/${name}/Service/Service` } });
    const findings = replacementFindings(
      stacks({ XSvc: svc('TeamA', 'X') }, { YSvc: svc('TeamB', 'Y') }),
      stacks({ YSvc: svc('TeamA', 'Y') }, { XSvc: svc('TeamB', 'X') }));
    expect(findings.map((f) => f.message.slice(0, f.message.indexOf(':')))).toEqual([
      '[ECS-RP-01] ECS service YSvc moves from stack TeamB (YSvc) to stack TeamA',
      '[ECS-RP-01] ECS service XSvc moves from stack TeamA (XSvc) to stack TeamB',
    ]);
    expect(findings.map((f) => f.message).join(' ')).not.toContain('overrideLogicalId');
  });

  test('GIVEN a move and, in the same stack, another service deleted and one created THEN the move, and the take-over warning for the others only', () => {
    const svc = (stack: string, name: string) => ({ ...worker(stack), Metadata: { 'aws:cdk:path': `${stack}/${name}/Service/Service` } });
    const findings = replacementFindings(
      stacks({ XSvc: svc('TeamA', 'X'), OldSvc: svc('TeamA', 'Old') }, {}),
      stacks({ NewSvc: svc('TeamA', 'New') }, { XSvc: svc('TeamB', 'X') }));
    expect(findings.map((f) => f.message.slice(0, f.message.indexOf(':')))).toEqual([
      '[ECS-RP-01] ECS service NewSvc is created while the baseline\'s ECS service OldSvc (TeamA/Old/Service/Service) is deleted from stack TeamA',
      '[ECS-RP-01] ECS service XSvc moves from stack TeamA (XSvc) to stack TeamB',
    ]);
  });

  test('GIVEN a new service elsewhere with another name and path, or a service kept in its stack THEN nothing', () => {
    expect(replacementFindings(stacks({ W: worker('TeamA', { ServiceName: 'a' }) }, {}),
      stacks({}, { X: { ...worker('TeamB', { ServiceName: 'b' }), Metadata: { 'aws:cdk:path': 'TeamB/Other/Service/Service' } } }))).toEqual([]);
    expect(replacementFindings(stacks({ W: worker('TeamA') }, {}), stacks({ W: worker('TeamA') }, { W: worker('TeamB') }))).toEqual([]);
    // A stack only one side has (renamed, or not compared) is not a move.
    const onlyA = new AssemblyModel([{ name: 'TeamA', template: { Resources: { W: worker('TeamA') } } }]);
    const onlyB = new AssemblyModel([{ name: 'TeamB', template: { Resources: { W: worker('TeamB') } } }]);
    expect(replacementFindings(onlyA, onlyB)).toEqual([]);
  });
});
