import { TemplateResource } from '../model';
import { shortPath } from '../reach/load-balancing-index';
import { NetworkIndex, SubnetFacts } from '../reach/network-index';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { isUnresolved, toArray, toObject, toStr } from '../values';
import { launchKind, SERVICE, serviceTask } from './service-facts';

export const SV31_PUBLIC_SUBNET_NO_PUBLIC_IP: ResourceRule = {
  id: 'ECS-SV-31',
  title: 'Fargate tasks in public subnets need a public IP to pull images',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags Fargate services whose awsvpc subnets route to an internet gateway (public subnets) while AssignPublicIp is DISABLED or omitted: the task has no route to a registry. Skipped when a subnet does not resolve in the template, and when every image is in ECR and the subnets\' VPC has an ECR (ecr.dkr) interface endpoint, in any stack of the app.',
  deployError: 'Tasks stop with "CannotPullContainerError: ... i/o timeout" (or ResourceInitializationError): a task in a public subnet without a public IP reaches neither the registry nor Secrets Manager.',
  fix: 'Set assignPublicIp: true, or run the tasks in private subnets with a NAT gateway or VPC endpoints.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html',
  resourceTypes: [SERVICE],
  check(service, ctx): RuleIssue[] {
    const awsvpc = toObject(toObject(service.properties.NetworkConfiguration)?.AwsvpcConfiguration);
    if (!awsvpc) return [];
    const assign = awsvpc.AssignPublicIp;
    if (isUnresolved(assign) || toStr(assign) === 'ENABLED') return [];
    if (launchKind(service, ctx) !== 'FARGATE') return [];
    const subnets = toArray(awsvpc.Subnets);
    if (!subnets || subnets.length === 0) return [];
    let publicOnes: SubnetFacts[] | undefined;
    const index = NetworkIndex.of(ctx.assembly);
    for (const s of subnets) {
      const facts = index.subnet(s, service);
      if (facts === undefined) return [];
      if (facts.internetGatewayRoute) (publicOnes ??= []).push(facts);
    }
    if (!publicOnes || (allImagesInEcr(service, ctx) && publicOnes.every((f) => ecrEndpointOrUnknown(index, f)))) return [];
    const names = publicOnes.map((f) => shortPath(f.subnet, service.stack)).join(', ');
    return [{
      property: 'Properties/NetworkConfiguration/AwsvpcConfiguration/AssignPublicIp',
      value: assign ?? 'DISABLED',
      problem: `Fargate tasks run in public subnet${publicOnes.length > 1 ? 's' : ''} ${names} (routed to an internet gateway) with AssignPublicIp ${toStr(assign) ?? 'DISABLED (default)'}`,
      allowed: 'AssignPublicIp ENABLED in public subnets, or private subnets with a NAT gateway or VPC endpoints',
      fix: 'Set assignPublicIp: true, or use private subnets (vpcSubnets: { subnetType: PRIVATE_WITH_EGRESS }).',
    }];
  },
};

/** Every image in a private ECR registry. */
function allImagesInEcr(service: TemplateResource, ctx: RuleContext): boolean {
  const task = serviceTask(service, ctx);
  const containers = toArray(task?.properties.ContainerDefinitions) ?? [];
  const images = containers.map((c) => JSON.stringify(toObject(c)?.Image ?? ''));
  // dkr-ecr: the dual-stack registry host.
  return images.length > 0 && images.every((i) => i.includes('dkr.ecr') || i.includes('dkr-ecr.'));
}

/** An ECR interface endpoint in the subnet's VPC, in whichever stack of the app (or undecidable: then silent). */
function ecrEndpointOrUnknown(index: NetworkIndex, subnet: SubnetFacts): boolean {
  const endpoints = index.endpoints(subnet.vpcKey);
  return endpoints === undefined || endpoints.has('ecr.dkr');
}
