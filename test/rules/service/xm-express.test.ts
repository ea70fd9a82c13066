import * as fc from 'fast-check';
import { XM01_TASK_SIZE as xm01 } from '../../../src/rules/service/xm-01-task-size';
import { XM02_CONTAINER_PORT as xm02 } from '../../../src/rules/service/xm-02-container-port';
import { XM03_HEALTH_CHECK_PATH as xm03 } from '../../../src/rules/service/xm-03-health-check-path';
import { XM04_TASK_COUNT as xm04 } from '../../../src/rules/service/xm-04-task-count';
import { XM05_SCALING_METRIC as xm05 } from '../../../src/rules/service/xm-05-scaling-metric';
import { XM06_SERVICE_NAME as xm06 } from '../../../src/rules/service/xm-06-service-name';
import { XM07_IMAGE_REQUIRED as xm07 } from '../../../src/rules/service/xm-07-image-required';
import { XM08_TASK_DEFINITION_EXCLUSIVE as xm08 } from '../../../src/rules/service/xm-08-task-definition-exclusive';
import { XM09_ROLES as xm09 } from '../../../src/rules/service/xm-09-roles';
import { XM10_LOGS_AND_TAGS as xm10 } from '../../../src/rules/service/xm-10-logs-and-tags';
import { isValidFargateSize } from '../../../src/rules/tables/fargate-sizes';
import { check } from '../helpers';
import { TOKEN } from '../task/fixtures';

const ROLE = 'arn:aws:iam::111111111111:role/r';
/** A valid Express service; props override. */
function express(props: Record<string, unknown> = {}) {
  return {
    Type: 'AWS::ECS::ExpressGatewayService',
    Properties: {
      InfrastructureRoleArn: ROLE,
      ExecutionRoleArn: ROLE,
      Cpu: '1024',
      Memory: '2048',
      HealthCheckPath: '/health',
      PrimaryContainer: { Image: 'public.ecr.aws/nginx/nginx:1.27', ContainerPort: 8080, AwsLogsConfiguration: { LogGroup: 'g', LogStreamPrefix: 'ecs' } },
      ScalingTarget: { MinTaskCount: 1, MaxTaskCount: 4, AutoScalingMetric: 'AVERAGE_CPU', AutoScalingTargetValue: 60 },
      ...props,
    },
  };
}
const ALL = [xm01, xm02, xm03, xm04, xm05, xm06, xm07, xm08, xm09, xm10];

test('good: a complete Express service passes every XM rule', () => {
  for (const rule of ALL) expect(check(rule, { S: express() })).toEqual([]);
});

describe('ECS-XM-01 size', () => {
  test('bad: cpu 1024 with 512 MiB; cpu 300', () => {
    expect(check(xm01, { S: express({ Memory: '512' }) })[0].message).toContain('cpu 1024 does not allow memory 512 MiB');
    expect(check(xm01, { S: express({ Cpu: '300' }) })[0].ruleId).toBe('ECS-XM-01');
  });
  test('token: skipped', () => expect(check(xm01, { S: express({ Cpu: TOKEN }) })).toEqual([]));
  test('property: flags exactly the pairs outside the Fargate Linux table', () => {
    fc.assert(fc.property(fc.constantFrom(256, 512, 1024, 2048, 4096, 8192, 16384, 300), fc.integer({ min: 1, max: 130 }), (cpu, gb) => {
      const memory = gb * 1024;
      const flagged = check(xm01, { S: express({ Cpu: String(cpu), Memory: String(memory) }) }).length > 0;
      expect(flagged).toBe(!isValidFargateSize(cpu, memory, false));
    }), { numRuns: 200 });
  });
});

describe('ECS-XM-02 container port', () => {
  test('bad: 0 and 70000', () => {
    expect(check(xm02, { S: express({ PrimaryContainer: { Image: 'i', ContainerPort: 0 } }) })[0].ruleId).toBe('ECS-XM-02');
    expect(check(xm02, { S: express({ PrimaryContainer: { Image: 'i', ContainerPort: 70000 } }) })).toHaveLength(1);
  });
  test('token: skipped', () => expect(check(xm02, { S: express({ PrimaryContainer: { Image: 'i', ContainerPort: { Ref: 'P' } } }) })).toEqual([]));
});

describe('ECS-XM-03 health check path', () => {
  test('bad: no leading slash; whitespace', () => {
    expect(check(xm03, { S: express({ HealthCheckPath: 'health' }) })[0].ruleId).toBe('ECS-XM-03');
    expect(check(xm03, { S: express({ HealthCheckPath: '/he alth' }) })).toHaveLength(1);
  });
  test('bad: over 1024 characters (found by a Managed Instances user trial); good at 1024', () => {
    const [f] = check(xm03, { S: express({ HealthCheckPath: `/${'a'.repeat(1100)}` }) });
    expect(f.message).toContain('HealthCheckPath has 1101 characters');
    expect(f.message).toContain('allowed: 1-1024 characters');
    expect(check(xm03, { S: express({ HealthCheckPath: `/${'a'.repeat(1023)}` }) })).toEqual([]);
  });
  test('good: query string', () => expect(check(xm03, { S: express({ HealthCheckPath: '/ping?format=json' }) })).toEqual([]));
  test('token: skipped', () => expect(check(xm03, { S: express({ HealthCheckPath: TOKEN }) })).toEqual([]));
});

describe('ECS-XM-04 task counts', () => {
  test('bad: min above max; max 0; fractional min', () => {
    expect(check(xm04, { S: express({ ScalingTarget: { MinTaskCount: 5, MaxTaskCount: 2 } }) })[0].message).toContain('MinTaskCount 5 is above MaxTaskCount 2');
    expect(check(xm04, { S: express({ ScalingTarget: { MaxTaskCount: 0 } }) })).toHaveLength(1);
    expect(check(xm04, { S: express({ ScalingTarget: { MinTaskCount: 1.5 } }) })).toHaveLength(1);
  });
  test('good: min = max', () => expect(check(xm04, { S: express({ ScalingTarget: { MinTaskCount: 3, MaxTaskCount: 3 } }) })).toEqual([]));
  test('token: skipped', () => expect(check(xm04, { S: express({ ScalingTarget: { MinTaskCount: 5, MaxTaskCount: { Ref: 'Max' } } }) })).toEqual([]));
});

describe('ECS-XM-05 scaling metric', () => {
  test('bad: CPUUtilization; target 0', () => {
    expect(check(xm05, { S: express({ ScalingTarget: { AutoScalingMetric: 'CPUUtilization' } }) })[0].ruleId).toBe('ECS-XM-05');
    expect(check(xm05, { S: express({ ScalingTarget: { AutoScalingTargetValue: 0 } }) })).toHaveLength(1);
  });
  test('good: requests per target 500', () => expect(check(xm05, { S: express({ ScalingTarget: { AutoScalingMetric: 'REQUEST_COUNT_PER_TARGET', AutoScalingTargetValue: 500 } }) })).toEqual([]));
  test('token: skipped', () => expect(check(xm05, { S: express({ ScalingTarget: { AutoScalingMetric: TOKEN, AutoScalingTargetValue: { Ref: 'T' } } }) })).toEqual([]));
});

describe('ECS-XM-06 service name', () => {
  test('bad: dots', () => expect(check(xm06, { S: express({ ServiceName: 'my.app' }) })[0].ruleId).toBe('ECS-XM-06'));
  test('good and token', () => {
    expect(check(xm06, { S: express({ ServiceName: 'my-app_1' }) })).toEqual([]);
    expect(check(xm06, { S: express({ ServiceName: TOKEN }) })).toEqual([]);
  });
});

describe('ECS-XM-07 image required', () => {
  test('bad: no container; empty image', () => {
    expect(check(xm07, { S: express({ PrimaryContainer: undefined }) })[0].ruleId).toBe('ECS-XM-07');
    expect(check(xm07, { S: express({ PrimaryContainer: { Image: '' } }) })).toHaveLength(1);
  });
  test('good: own task definition instead', () => {
    expect(check(xm07, { S: express({ PrimaryContainer: undefined, TaskDefinitionArn: 'arn:aws:ecs:eu-west-1:111111111111:task-definition/f:1' }) })).toEqual([]);
  });
  test('token: skipped', () => expect(check(xm07, { S: express({ PrimaryContainer: { Image: { 'Fn::Sub': 'x' } } }) })).toEqual([]));
  // An empty YAML value (`PrimaryContainer:`) reads as null: a schema error, not this rule's, and no crash.
  test('null container: skipped', () => expect(check(xm07, { S: express({ PrimaryContainer: null }) })).toEqual([]));
});

describe('ECS-XM-08 task definition exclusive', () => {
  const td = { TaskDefinitionArn: 'arn:aws:ecs:eu-west-1:111111111111:task-definition/f:1' };
  const noTaskFields = { PrimaryContainer: undefined, ExecutionRoleArn: undefined, Cpu: undefined, Memory: undefined };
  test('bad: TaskDefinitionArn with PrimaryContainer, Cpu, Memory, ExecutionRoleArn', () => {
    expect(check(xm08, { S: express(td) }).map((f) => f.message.split(' is set')[0].split('] ')[1])).toEqual(['PrimaryContainer', 'ExecutionRoleArn', 'Cpu', 'Memory']);
  });
  test('good: TaskDefinitionArn alone', () => {
    expect(check(xm08, { S: express({ ...td, ...noTaskFields }) })).toEqual([]);
  });
  test('token: a token ARN still excludes the fields (presence decides)', () => {
    expect(check(xm08, { S: express({ TaskDefinitionArn: { Ref: 'Td' }, ...noTaskFields }) })).toEqual([]);
  });
});

describe('ECS-XM-09 roles', () => {
  test('bad: no infrastructure role; role name instead of ARN', () => {
    expect(check(xm09, { S: express({ InfrastructureRoleArn: undefined }) })[0].message).toContain('InfrastructureRoleArn is missing');
    expect(check(xm09, { S: express({ ExecutionRoleArn: 'ecsTaskExecutionRole' }) })).toHaveLength(1);
    expect(check(xm09, { S: express({ ExecutionRoleArn: undefined }) })).toHaveLength(1);
  });
  test('good: no execution role with own task definition', () => {
    expect(check(xm09, { S: express({ ExecutionRoleArn: undefined, TaskDefinitionArn: 'arn:x' }) })).toEqual([]);
  });
  test('token: GetAtt ARNs skipped', () => expect(check(xm09, { S: express({ InfrastructureRoleArn: { 'Fn::GetAtt': ['R', 'Arn'] } }) })).toEqual([]));
});

describe('ECS-XM-10 logs and tags', () => {
  test('bad: empty prefix; 51 tags', () => {
    const emptyPrefix = { Image: 'i', AwsLogsConfiguration: { LogGroup: 'g', LogStreamPrefix: '' } };
    expect(check(xm10, { S: express({ PrimaryContainer: emptyPrefix }) })[0].ruleId).toBe('ECS-XM-10');
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(check(xm10, { S: express({ Tags: tags }) })[0].message).toContain('51 tags');
  });
  test('good: 50 tags', () => expect(check(xm10, { S: express({ Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }) })).toEqual([]));
  test('token: log group Ref skipped', () => {
    expect(check(xm10, { S: express({ PrimaryContainer: { Image: 'i', AwsLogsConfiguration: { LogGroup: { Ref: 'G' }, LogStreamPrefix: 'ecs' } } }) })).toEqual([]);
  });
});
