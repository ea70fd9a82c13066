/** The alarms the kit creates to roll back a deployment (enableDeploymentAlarms). */
import { Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';

const NO_ACTION_REASON = 'A deployment alarm is read by the ECS deployment circuit breaker (DeploymentConfiguration.Alarms), which rolls the '
  + 'deployment back when it fires; it needs no alarm action. Add one with alarm.addAlarmAction() to be notified as well.';

/** A deployment alarm, with the alarm-action rules acknowledged: ECS itself acts on it. */
export function deploymentAlarm(scope: Construct, id: string, props: cloudwatch.AlarmProps): cloudwatch.Alarm {
  const alarm = new cloudwatch.Alarm(scope, id, props);
  Validations.of(alarm).acknowledge(
    ...['HIPAA.Security', 'NIST.800.53.R5'].map((p) => ({ id: `${p}::${p}-CloudWatchAlarmAction`, reason: NO_ACTION_REASON })),
    { id: 'cdk-validator-cfnguard::cloudwatch_alarm_action_check', reason: NO_ACTION_REASON },
  );
  return alarm;
}
