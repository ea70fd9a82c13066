import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EcsCluster } from '../../../src/cluster';
import { SV34_LISTENER_RULE_CONDITIONS as rule } from '../../../src/rules/service/sv-34-listener-rule-conditions';
import { WebService } from '../../../src/service';
import { FargateTask } from '../../../src/task';
import { check } from '../helpers';

const listenerRule = (conditions: unknown[]) => ({
  R: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: { ListenerArn: 'arn:l', Priority: 10, Actions: [{ Type: 'forward', TargetGroupArn: 'arn:tg' }], Conditions: conditions } },
});
const hosts = (...values: string[]) => ({ Field: 'host-header', HostHeaderConfig: { Values: values } });
const paths = (...values: string[]) => ({ Field: 'path-pattern', PathPatternConfig: { Values: values } });

describe('ECS-SV-34 listener rule conditions within ELB limits', () => {
  test('bad: 3 hosts and 3 paths are 6 condition values', () => {
    const [f, ...rest] = check(rule, listenerRule([hosts('a.example.com', 'b.example.com', 'c.example.com'), paths('/a/*', '/b/*', '/c/*')]));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-SV-34', property: 'Properties/Conditions', value: '6' });
    expect(f.message).toContain('the rule has 6 host-header, path-pattern, http-header and query-string values at TestStack/R; allowed: at most 5 condition values per rule');
  });

  test('bad: a path pattern of 130 characters, in the config object and in the older Values list', () => {
    const long = `/${'x'.repeat(127)}*`;
    expect(check(rule, listenerRule([paths(long)])).map((f) => f.property)).toEqual(['Properties/Conditions/0/PathPatternConfig/Values/0']);
    expect(check(rule, listenerRule([{ Field: 'path-pattern', Values: [long] }])).map((f) => f.property)).toEqual(['Properties/Conditions/0/Values/0']);
  });

  test('good: 5 values, 128 characters, source IPs and methods beside them (not counted); skipped: unresolved lists', () => {
    expect(check(rule, listenerRule([hosts('a.example.com', 'b.example.com'), paths('/a/*', '/b/*', `/${'x'.repeat(127)}`)]))).toEqual([]);
    expect(check(rule, listenerRule([hosts('a.example.com'), { Field: 'source-ip', SourceIpConfig: { Values: ['10.0.0.0/8', '10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16', '10.4.0.0/16'] } }]))).toEqual([]);
    expect(check(rule, listenerRule([hosts('a', 'b', 'c'), { Field: 'path-pattern', PathPatternConfig: { Values: { Ref: 'Paths' } } }]))).toEqual([]);
  });

  test('kit: a WebService on a shared listener with 6 routing values fails synth at the service; 5 pass', () => {
    const build = (n: number) => {
      const stack = new Stack(new App(), 'Web');
      const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }) });
      const task = (id: string) => new FargateTask(stack, `${id}Task`, {
        container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'), portMappings: [{ containerPort: 8080 }] },
      });
      const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555');
      const main = new WebService(stack, 'Main', { cluster, task: task('Main'), certificate });
      new WebService(stack, 'Api', {
        cluster,
        task: task('Api'),
        listener: main.listener,
        priority: 10,
        hostHeaders: ['a.example.com', 'b.example.com', 'c.example.com'],
        pathPatterns: ['/a/*', '/b/*', '/c/*'].slice(0, n - 3),
      });
      return stack;
    };
    expect(() => Template.fromStack(build(6))).toThrow(/\[Web\/Api\] \[ECS-SV-34\] the rule has 6 host-header/);
    Template.fromStack(build(5));
  });
});
