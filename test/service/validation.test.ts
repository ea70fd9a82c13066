import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as fc from 'fast-check';
import { certificate, ec2Task, fargateTask, fixture, IMAGE } from './helpers';
import { EcsCluster, EcsKitErrors, FargateSize, FargateTask } from '../../src';
import { BackendService, DaemonService, FargateCapacity, ScheduledJob, WebService, WorkerService } from '../../src/service';

const web = (extra: Record<string, unknown> = {}, f = fixture()) =>
  new WebService(f.stack, 'Web', { cluster: f.cluster, task: fargateTask(f.stack), certificate: certificate(f.stack), ...extra });

describe('validation errors', () => {
  test('minHealthyPercent not below maxHealthyPercent: the ECS-SV-08 rule reports it, as the warning it is', () => {
    const f = fixture();
    web({ minHealthyPercent: 100, maxHealthyPercent: 100 }, f);
    const warnings = Annotations.fromStack(f.stack).findWarning('/Svc/Web', Match.stringLikeRegexp('ECS-SV-08'));
    expect(warnings.map((w) => w.entry.data)).toEqual([
      expect.stringMatching(/^\[ECS-SV-08\] DeploymentConfiguration MinimumHealthyPercent 100 is not below MaximumPercent 100 at Svc\/Web\/Service\/Service; allowed: MinimumHealthyPercent < MaximumPercent/),
    ]);
  });
  test('desiredCount together with autoScaling', () => {
    expect(() => web({ desiredCount: 3, autoScaling: { maxCapacity: 5 } })).toThrow(/\[KIT-SERVICE-DESIRED-COUNT\] desiredCount 3 is set together with autoScaling/);
  });
  test('AZ rebalancing without room above 100 percent (ECS-SV-26)', () => {
    expect(() => web({ availabilityZoneRebalancing: true, minHealthyPercent: 50, maxHealthyPercent: 100 })).toThrow(/\[ECS-SV-26\]/);
  });
  test('invalid service name (ECS-SV-24)', () => {
    expect(() => web({ serviceName: 'web service' })).toThrow(/\[ECS-SV-24\] serviceName 'web service' contains " "/);
  });
  test('more than 5 target groups (ECS-SV-21)', () => {
    const extra = [1, 2, 3, 4, 5].map((i) => ({ containerPort: 8080, priority: i, pathPatterns: [`/p${i}`] }));
    expect(() => web({ additionalTargets: extra })).toThrow(/\[ECS-SV-21\] 6 target groups are attached/);
  });
  test('shared listener without a rule', () => {
    const f = fixture();
    const first = web({}, f);
    expect(() => new WebService(f.stack, 'Web2', { cluster: f.cluster, task: fargateTask(f.stack, 'T2'), listener: first.listener }))
      .toThrow(/\[KIT-SERVICE-LISTENER-RULE\] a shared listener needs priority and hostHeaders or pathPatterns.*\. Set priority and set hostHeaders or pathPatterns\.$/);
  });
  test('no certificate for a new load balancer', () => {
    const f = fixture();
    expect(() => new WebService(f.stack, 'Web', { cluster: f.cluster, task: fargateTask(f.stack) })).toThrow(/\[KIT-SERVICE-CERTIFICATE\]/);
  });
  test('an internal load balancer on a VPC imported without vpcCidrBlock needs listenerPeer (not aws-cdk-lib\'s CIDR error)', () => {
    const f = fixture();
    const vpc = ec2.Vpc.fromVpcAttributes(f.stack, 'NoCidr', {
      vpcId: 'vpc-12345678', availabilityZones: ['eu-west-1a', 'eu-west-1b'], privateSubnetIds: ['subnet-aaaa1111', 'subnet-bbbb2222'],
    });
    const cluster = new EcsCluster(f.stack, 'NoCidrCluster', { vpc });
    const props = { cluster, task: fargateTask(f.stack), certificate: certificate(f.stack) };
    expect(() => new WebService(f.stack, 'Web', props)).toThrow(/\[KIT-SERVICE-LISTENER-PEER\] listenerPeer is not set/);
    expect(() => new WebService(f.stack, 'Web2', { ...props, task: fargateTask(f.stack, 'Task2'), listenerPeer: ec2.Peer.ipv4('10.0.0.0/16') })).not.toThrow();
  });

  test('container port not mapped', () => {
    expect(() => web({ containerPort: 9999 })).toThrow(/\[KIT-SERVICE-PORT\] containerPort 9999 is not mapped/);
    // The message lists the mapped ports and a fix that works.
    expect(() => web({ containerPort: 9999 })).toThrow(/allowed: a port the main container maps: 8080\. Use containerPort 8080, or add \{ containerPort: 9999 \}/);
  });
  test('ECS Exec on a cluster without session logging', () => {
    expect(() => web({ enableExecuteCommand: true })).toThrow(/\[KIT-SERVICE-EXEC\] .*Set enableExecuteCommand: true on the EcsCluster/);
  });
  test('Ec2Task without EC2 capacity, and Fargate capacity for an Ec2Task', () => {
    const f = fixture();
    expect(() => new WorkerService(f.stack, 'W', { cluster: f.cluster, task: ec2Task(f.stack) })).toThrow(/\[KIT-SERVICE-CAPACITY\] task Svc\/Ec2Task runs on EC2 \(it is not Fargate-compatible\)/);
    f.cluster.addEc2Capacity('Ec2');
    expect(() => new WorkerService(f.stack, 'W2', { cluster: f.cluster, task: ec2Task(f.stack, 'T2'), fargateCapacity: FargateCapacity.onDemand() })).toThrow(/fargateCapacity was given for task Svc\/T2, which runs on EC2/);
  });
  test('DaemonService with a FargateTask (ECS-SV-07)', () => {
    const f = fixture();
    expect(() => new DaemonService(f.stack, 'D', { cluster: f.cluster, task: fargateTask(f.stack) })).toThrow(/\[ECS-SV-07\] task Svc\/Task runs on Fargate/);
  });
  test('BackendService without a namespace or a named port (ECS-SC-01, ECS-SC-02)', () => {
    const f = fixture();
    expect(() => new BackendService(f.stack, 'B', { cluster: f.cluster, task: fargateTask(f.stack, 'T', 9090, 'api') })).toThrow(/\[ECS-SC-01\] .*namespace/);
    f.cluster.cluster.addDefaultCloudMapNamespace({ name: 'internal', useForServiceConnect: true });
    expect(() => new BackendService(f.stack, 'B2', { cluster: f.cluster, task: fargateTask(f.stack, 'T2') })).toThrow(/\[ECS-SC-02\] .*port/);
  });
  test('requestsPerTarget without autoScaling', () => {
    expect(() => web({ requestsPerTarget: 100 })).toThrow(/requestsPerTarget 100 is set without autoScaling/);
  });
  test('ScheduledJob ranges', () => {
    const f = fixture();
    expect(() => new ScheduledJob(f.stack, 'J', {
      cluster: f.cluster, task: fargateTask(f.stack), schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)), maxRetryAttempts: 200,
    })).toThrow(/\[KIT-JOB-RANGE\] maxRetryAttempts 200 is out of range at Svc\/J; allowed: integers 0-185/);
    // Every field out of range in one error (found by a batch-jobs user trial).
    expect(() => new ScheduledJob(f.stack, 'All', {
      cluster: f.cluster,
      task: fargateTask(f.stack, 'T2'),
      schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
      taskCount: 11,
      maxRetryAttempts: 186,
      maxEventAge: Duration.hours(25),
    })).toThrow('[KIT-JOB-RANGE] taskCount 11 is out of range; maxRetryAttempts 186 is out of range; maxEventAge (seconds) 90000 is out of range at Svc/All; '
      + 'allowed: taskCount: integers 1-10; maxRetryAttempts: integers 0-185; maxEventAge (seconds): integers 60-86400. '
      + 'Set taskCount to 10 or less. Set maxRetryAttempts to 185 or less. Set maxEventAge (seconds) to 86400 or less.');
  });
  // EventBridge Scheduler rejects these at CreateSchedule; aws-cdk-lib's ScheduleExpression.expression() takes any text.
  test('a ScheduledJob with an invalid cron or rate expression fails synth with ECS-JB-01, without EcsChecks', () => {
    const build = (expression: string) => {
      const f = fixture();
      new ScheduledJob(f.stack, 'J', { cluster: f.cluster, task: fargateTask(f.stack), schedule: scheduler.ScheduleExpression.expression(expression) });
      return f.app;
    };
    expect(() => build('cron(0 2 * * *)').synth()).toThrow(/\[Svc\/J\] \[ECS-JB-01\] cron expression 'cron\(0 2 \* \* \*\)' has 5 fields at Svc\/J\/Schedule; allowed: six fields, .* write cron\(0 2 \* \* \? \*\)\./);
    expect(() => build('cron(0 25 * * ? *)').synth()).toThrow(/ECS-JB-01\] cron expression 'cron\(0 25 \* \* \? \*\)' has hours '25': 25 is outside 0-23/);
    expect(() => build('cron(0 2 * * ? *)').synth()).not.toThrow();
    // On Scheduler a rate unit that disagrees with its value is a warning (ECS-JB-02), as an annotation without EcsChecks.
    const warnings = build('rate(5 minute)').synth().getStackArtifact('Svc').messages
      .filter((m) => m.level === 'warning' && String(m.entry.data).includes('ECS-JB-02')).map((m) => [m.id, String(m.entry.data)]);
    expect(warnings).toEqual([['/Svc/J', expect.stringContaining('rate expression \'rate(5 minute)\' has a singular unit for the value 5 at Svc/J/Schedule')]]);
  });
  test('WorkerService maxReceiveCount range', () => {
    const f = fixture();
    expect(() => new WorkerService(f.stack, 'W', { cluster: f.cluster, task: fargateTask(f.stack), maxReceiveCount: 0 })).toThrow(/maxReceiveCount 0 is out of range/);
  });
  // aws-cdk-lib's own check names its Queue2 construct, not the worker's path or prop.
  test('WorkerService visibilityTimeout range: whole seconds up to 12 hours', () => {
    const worker = (visibilityTimeout: Duration) => () => {
      const f = fixture();
      new WorkerService(f.stack, 'W', { cluster: f.cluster, task: fargateTask(f.stack), visibilityTimeout });
    };
    expect(worker(Duration.hours(13))).toThrow('[KIT-SERVICE-QUEUE] visibilityTimeout (seconds) 46800 is out of range at Svc/W; allowed: integers 0-43200. Use whole seconds up to Duration.hours(12)');
    expect(worker(Duration.millis(1500))).toThrow(/visibilityTimeout \(seconds\) 1.5 is out of range/);
    expect(worker(Duration.hours(12))).not.toThrow();
  });
  // Fargate capacity providers: "Windows containers on Fargate don't support the Fargate Spot capacity provider".
  test('a Windows task on Fargate Spot fails synth with ECS-SV-32, without EcsChecks; on demand it passes', () => {
    const build = (fargateCapacity: FargateCapacity) => {
      const f = fixture();
      const task = new FargateTask(f.stack, 'WinTask', { size: FargateSize.windows(1024, 2048), container: { image: IMAGE } });
      new WorkerService(f.stack, 'W', { cluster: f.cluster, task, fargateCapacity });
      return f.app;
    };
    expect(() => build(FargateCapacity.spotWithOnDemandBase({ onDemandBase: 0 })).synth())
      .toThrow(/\[ECS-SV-32\] Service runs Windows task definition Svc\/WinTask\S* \(WINDOWS_SERVER_2022_CORE\) with FARGATE_SPOT/);
    expect(() => build(FargateCapacity.onDemand()).synth()).not.toThrow();
  });
});

/** The code of the EcsKitError `fn` throws, undefined when it does not throw; any other exception fails the test. */
function kitErrorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    const code = EcsKitErrors.codeOf(e);
    if (code === undefined) throw e;
    return code;
  }
  return undefined;
}

describe('ranges (fast-check)', () => {
  // min >= max is ECS-SV-08, a synth warning (tested above), not a construction error.
  test('deployment percentages: accepted exactly when 0 <= min <= 100', () => {
    fc.assert(fc.property(fc.integer({ min: -20, max: 130 }), fc.integer({ min: 1, max: 400 }), (min, max) => {
      const ok = min >= 0 && min <= 100;
      const code = kitErrorCode(() => web({ minHealthyPercent: min, maxHealthyPercent: max }));
      return ok ? code === undefined : code === 'KIT-SERVICE-PERCENT';
    }), { numRuns: 40 });
  });
  // Above 5,000 is an adjustable quota: EcsChecks (ECS-SV-25) judges it against the QuotaProfile, not the construct.
  test('autoscaling bounds: accepted exactly when 0 <= min <= max and 1 <= max', () => {
    const maxes = fc.oneof(fc.integer({ min: -5, max: 60 }), fc.integer({ min: 4990, max: 5010 }));
    fc.assert(fc.property(fc.integer({ min: -5, max: 60 }), maxes, (min, max) => {
      const ok = max >= 1 && min >= 0 && min <= max;
      const code = kitErrorCode(() => web({ autoScaling: { minCapacity: min, maxCapacity: max } }));
      return ok ? code === undefined : ['KIT-SERVICE-COUNT', 'KIT-SERVICE-SCALING'].includes(code!);
    }), { numRuns: 40 });
  });
  test('Fargate Spot weights and base follow ECS-SV-03', () => {
    fc.assert(fc.property(fc.integer({ min: -1, max: 100_001 }), fc.integer({ min: -1, max: 1_001 }), (base, spotWeight) => {
      const ok = base >= 0 && base <= 100_000 && spotWeight >= 1 && spotWeight <= 1_000;
      const code = kitErrorCode(() => web({ fargateCapacity: FargateCapacity.spotWithOnDemandBase({ onDemandBase: base, spotWeight }) }));
      return ok ? code === undefined : code === 'ECS-SV-03';
    }), { numRuns: 40 });
  });
});

describe('EcsKitErrors', () => {
  test('recognises kit errors and their codes, and nothing else', () => {
    let caught: unknown;
    try { web({ minHealthyPercent: 150 }); } catch (e) { caught = e; }
    expect(EcsKitErrors.isEcsKitError(caught)).toBe(true);
    expect(EcsKitErrors.codeOf(caught)).toBe('KIT-SERVICE-PERCENT');
    // The fix names the nearest allowed value, not the range again.
    expect((caught as Error).message).toMatch(/minHealthyPercent 150 is out of range at .*; allowed: integers 0-100\. Set minHealthyPercent to 100 or less\.$/);
    expect(EcsKitErrors.isEcsKitError(new Error('other'))).toBe(false);
    expect(EcsKitErrors.codeOf(undefined)).toBeUndefined();
    expect(EcsKitErrors.codeOf({ code: 'ECS-TD-01' })).toBeUndefined();
    expect(EcsKitErrors.codesOf(caught)).toEqual(['KIT-SERVICE-PERCENT']);
    expect(EcsKitErrors.codesOf(new Error('other [X-1] '))).toEqual([]);
  });

  test('codesOf: the ids of a synth-time "Validation failed" error (found by a user trial: codeOf is undefined there)', () => {
    const f = fixture();
    new ScheduledJob(f.stack, 'Job', { cluster: f.cluster, task: fargateTask(f.stack), schedule: scheduler.ScheduleExpression.expression('cron(0 2 * * MON *)') });
    let caught: unknown;
    try { f.app.synth(); } catch (e) { caught = e; }
    expect(EcsKitErrors.codeOf(caught)).toBeUndefined();
    expect(EcsKitErrors.codesOf(caught)).toEqual(['ECS-JB-01']);
  });

  test('codesOf: outside jest the error names only the report file, whose violations give the ids (found by the platform trial)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
    const file = path.join(dir, 'validation-report.json');
    fs.writeFileSync(file, JSON.stringify({
      version: '1.0',
      title: 'Validation Report',
      pluginReports: [
        { pluginName: 'cdk-ecs-kit', violations: [{ ruleName: 'ORG-LOG-01', description: '[ORG-LOG-01] Log group retention 365 days ... at T/Task/Logs; allowed: ...' }] },
        { pluginName: 'other', violations: [{ ruleName: 'X', description: 'not ours' }, { ruleName: 'ECS-TD-01', description: '[ECS-TD-01] Fargate task cpu 256 ...' }] },
      ],
    }));
    const error = new Error(`Validation failed. A copy of this report can be found in: ${file}`);
    expect(EcsKitErrors.codesOf(error)).toEqual(['ORG-LOG-01', 'ECS-TD-01']);
    expect(EcsKitErrors.codesOf(new Error(`Validation failed. A copy of this report can be found in: ${path.join(dir, 'gone', 'validation-report.json')}`))).toEqual([]);
  });
});
