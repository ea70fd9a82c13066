import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { certificate, fargateTask, fixture } from './helpers';
import { WebService, ServiceDeployment } from '../../src/service';

test('smoke', () => {
  const f = fixture();
  const hook = lambda.Function.fromFunctionArn(f.stack, 'Hook', 'arn:aws:lambda:eu-west-1:123456789012:function:check');
  new WebService(f.stack, 'Web', { cluster: f.cluster, task: fargateTask(f.stack), certificate: certificate(f.stack),
    deployment: ServiceDeployment.linear({ stepPercent: 20, stepBakeTime: Duration.minutes(5), bakeTime: Duration.minutes(10),
      lifecycleHooks: [{ handler: hook, stages: [ecs.DeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT] }] }),
    forceNewDeployment: 'build-1' });
  const t = Template.fromStack(f.stack);
  const out = JSON.stringify(t.toJSON().Resources, null, 1);
  require('fs').writeFileSync('/tmp/dp/web.json', out);
  expect(Match).toBeDefined();
});
