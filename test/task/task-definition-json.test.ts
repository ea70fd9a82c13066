import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { TaskDefinitionJson } from '../../src/task';

const FIXTURE = path.join(__dirname, 'fixtures', 'web-with-sidecar.json');
const stack = () => new Stack(new App(), 'Test');
const base = () => ({ family: 'x', containerDefinitions: [{ name: 'app', image: 'nginx:1.27', essential: true, memory: 256 }] });

describe('TaskDefinitionJson', () => {
  test('round trip: web app with a sidecar, EFS and secrets synthesizes to the equivalent CloudFormation', () => {
    const s = stack();
    const td = TaskDefinitionJson.fromFile(s, 'Web', FIXTURE);
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::ECS::TaskDefinition', 1);
    const props = (Object.values(t.findResources('AWS::ECS::TaskDefinition'))[0] as any).Properties;
    expect(props).toEqual({
      Family: 'web-app',
      TaskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/web-execution',
      NetworkMode: 'awsvpc',
      RequiresCompatibilities: ['FARGATE'],
      Cpu: '1024',
      Memory: '2048',
      RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
      ContainerDefinitions: [
        {
          Name: 'web',
          Image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2',
          Essential: true,
          Memory: 1536,
          User: '1000',
          ReadonlyRootFilesystem: true,
          PortMappings: [{ ContainerPort: 8080, Protocol: 'tcp', Name: 'http', AppProtocol: 'http' }],
          Secrets: [
            { Name: 'DB_PASSWORD', ValueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:web/db-AbCdEf:password::' },
            { Name: 'API_KEY', ValueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/web/api-key' },
          ],
          MountPoints: [{ SourceVolume: 'uploads', ContainerPath: '/srv/uploads', ReadOnly: false }],
          DependsOn: [{ ContainerName: 'envoy', Condition: 'HEALTHY' }],
          HealthCheck: { Command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'], Interval: 15, Timeout: 5, Retries: 3, StartPeriod: 30 },
          LogConfiguration: {
            LogDriver: 'awslogs',
            Options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'web' },
          },
          LinuxParameters: { InitProcessEnabled: true },
        },
        {
          Name: 'envoy',
          Image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod',
          Essential: true,
          Memory: 256,
          MemoryReservation: 128,
          User: '1337',
          ReadonlyRootFilesystem: false,
          PortMappings: [{ ContainerPort: 9901, Protocol: 'tcp' }],
          HealthCheck: { Command: ['CMD-SHELL', 'curl -s http://localhost:9901/ready | grep LIVE'], Interval: 5, Timeout: 2, Retries: 3 },
          Ulimits: [{ Name: 'nofile', SoftLimit: 15000, HardLimit: 15000 }],
          LogConfiguration: {
            LogDriver: 'awslogs',
            Options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'envoy' },
          },
        },
      ],
      Volumes: [{
        Name: 'uploads',
        EFSVolumeConfiguration: {
          FilesystemId: 'fs-0123456789abcdef0',
          TransitEncryption: 'ENABLED',
          AuthorizationConfig: { AccessPointId: 'fsap-0123456789abcdef0', IAM: 'ENABLED' },
        },
      }],
      EphemeralStorage: { SizeInGiB: 30 },
      Tags: [{ Key: 'team', Value: 'web' }],
    });
    expect(td.containerNames).toEqual(['web', 'envoy']);
    expect(td.taskDefinition.isFargateCompatible).toBe(true);
    expect(Annotations.fromStack(s).findWarning('*', Match.anyValue())).toEqual([]);
    expect(t.toJSON()).toMatchSnapshot();
  });

  test('describe-task-definition output is unwrapped; read-only fields are skipped with a warning', () => {
    const s = stack();
    const td = TaskDefinitionJson.fromObject(s, 'T', {
      taskDefinition: { ...base(), revision: 3, status: 'ACTIVE', taskDefinitionArn: 'arn:aws:ecs:eu-west-1:1:task-definition/x:3' },
      tags: [{ key: 'a', value: 'b' }],
    });
    expect(td.skippedReadOnlyFields).toEqual(['revision', 'status', 'taskDefinitionArn']);
    Template.fromStack(s).hasResourceProperties('AWS::ECS::TaskDefinition', { Family: 'x', Tags: [{ Key: 'a', Value: 'b' }] });
    expect(Annotations.fromStack(s).findWarning('/Test/T', Match.stringLikeRegexp('KIT-TASK-JSON-READ-ONLY.*revision, status'))).toHaveLength(1);
  });

  test('null means not set, as in console exports', () => {
    const s = stack();
    TaskDefinitionJson.fromObject(s, 'T', { ...base(), containerDefinitions: [{ ...base().containerDefinitions[0], ulimits: null }] });
    Template.fromStack(s).hasResourceProperties('AWS::ECS::TaskDefinition', { ContainerDefinitions: [Match.objectLike({ Ulimits: Match.absent() })] });
  });

  // describe-task-definition writes environment: [], placementConstraints: [] and so on; copied, they trip
  // AwsSolutions-ECS2 (environment set) and the built-in validator's E3048 (PlacementConstraints on Fargate).
  test('an empty list means not set, as in describe-task-definition output', () => {
    const s = stack();
    TaskDefinitionJson.fromObject(s, 'T', {
      ...base(),
      placementConstraints: [],
      volumes: [],
      containerDefinitions: [{ ...base().containerDefinitions[0], environment: [], mountPoints: [], volumesFrom: [] }],
    });
    const props = Object.values(Template.fromStack(s).findResources('AWS::ECS::TaskDefinition'))[0].Properties;
    expect(props.PlacementConstraints).toBeUndefined();
    expect(props.Volumes).toBeUndefined();
    expect(props.ContainerDefinitions[0].Environment).toBeUndefined();
  });

  test.each([
    ['an unknown field', { containerDefinitions: [base().containerDefinitions[0], { name: 'b', image: 'i', memory: 1, portMappings: [{ containerPort: 80, hostPot: 80 }] }] },
      /\[KIT-TASK-JSON\] containerDefinitions\[1\]\.portMappings\[0\]\.hostPot is not a task definition field CloudFormation supports.*allowed: containerPort, hostPort/],
    ['a wrong type', { containerDefinitions: [base().containerDefinitions[0], { name: 'b', image: 'i', portMappings: [{ containerPort: 80, hostPort: '80' }] }] },
      /\[KIT-TASK-JSON\] containerDefinitions\[1\]\.portMappings\[0\]\.hostPort is string "80".*allowed: a whole number/],
    ['a number for task cpu', { cpu: 256 }, /\[KIT-TASK-JSON\] cpu is number 256.*allowed: a string/],
    ['a non-string map value', { containerDefinitions: [{ ...base().containerDefinitions[0], dockerLabels: { a: 1 } }] }, /containerDefinitions\[0\]\.dockerLabels\.a is number 1/],
    ['a wrong top-level case', { Family: 'x' }, /Family is not a task definition field/],
  ])('%s is an error naming the JSON path', (_n, patch, message) => {
    expect(() => TaskDefinitionJson.fromObject(stack(), 'T', { ...base(), ...patch })).toThrow(message);
  });

  test('a document that is not an object, an unreadable file and bad JSON are clear errors', () => {
    expect(() => TaskDefinitionJson.fromObject(stack(), 'T', [1])).toThrow(/\(document\) is an array/);
    expect(() => TaskDefinitionJson.fromFile(stack(), 'T', '/nonexistent.json')).toThrow(/Cannot read \/nonexistent\.json/);
    expect(() => TaskDefinitionJson.fromFile(stack(), 'T', path.join(__dirname, 'fixtures', 'image', 'Dockerfile'))).toThrow(/is not valid JSON/);
  });

  test('the rules engine runs on the import: an invalid Fargate size fails synth with ECS-TD-01', () => {
    const s = stack();
    TaskDefinitionJson.fromObject(s, 'T', { ...base(), requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '4096' });
    expect(() => Template.fromStack(s)).toThrow(/\[ECS-TD-01\] Fargate task cpu 256 does not allow memory 4096 MiB at Test\/T; allowed: 512, 1024, 2048/);
  });

  test('an awsvpc host port unlike the container port fails synth with ECS-PM-01', () => {
    const s = stack();
    TaskDefinitionJson.fromObject(s, 'T', {
      ...base(),
      networkMode: 'awsvpc',
      containerDefinitions: [{ ...base().containerDefinitions[0], portMappings: [{ containerPort: 8080, hostPort: 80 }] }],
    });
    expect(() => Template.fromStack(s)).toThrow(/\[ECS-PM-01\]/);
  });
});
