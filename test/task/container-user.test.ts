/**
 * The synthesized task for each supported image kind: the default user, the
 * read-only root filesystem and scratch paths must give a task that starts.
 * Fargate creates task-storage bind mounts owned by root with mode 0755
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html),
 * so a non-root container needs the 'scratch-init' step to write to them.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Ec2Task, FargateSize, FargateTask } from '../../src/task';
import { defaultUserFor, imageReference, NON_ROOT_IMAGE_FAMILIES } from '../../src/task/base/image-user';

function containers(task: FargateTask | Ec2Task): any[] {
  const t = Template.fromStack(Stack.of(task));
  const [def] = Object.values(t.findResources('AWS::ECS::TaskDefinition')) as any[];
  return def.Properties.ContainerDefinitions;
}

function fargate(image: string, extra: Record<string, unknown> = {}): FargateTask {
  const stack = new Stack(new App(), 'Images');
  return new FargateTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry(image), scratchPaths: ['/tmp'], ...extra } });
}

const INIT = {
  Name: 'scratch-init',
  Image: 'public.ecr.aws/docker/library/busybox:1.37',
  Essential: false,
  User: '0',
  ReadonlyRootFilesystem: true,
  Memory: 16,
  EntryPoint: ['sh', '-c'],
  Command: ['chmod 1777 /ecs-kit-scratch/*'],
  MountPoints: [{ ContainerPath: '/ecs-kit-scratch/1', ReadOnly: false, SourceVolume: 'scratch-app-tmp' }],
};
const WAITS_FOR_INIT = [{ ContainerName: 'scratch-init', Condition: 'SUCCESS' }];

describe('default user and writable scratch paths, per image kind', () => {
  test('root image (stock nginx): runs as uid 1000; scratch-init makes /tmp writable before the app starts', () => {
    const [app, init] = containers(fargate('public.ecr.aws/nginx/nginx:1.27'));
    expect(app).toMatchObject({ Name: 'app', User: '1000', ReadonlyRootFilesystem: true, DependsOn: WAITS_FOR_INIT });
    expect(app.MountPoints).toEqual([{ ContainerPath: '/tmp', ReadOnly: false, SourceVolume: 'scratch-app-tmp' }]);
    expect(init).toMatchObject(INIT);
    expect(init.LogConfiguration).toMatchObject({ LogDriver: 'awslogs', Options: expect.objectContaining({ 'awslogs-stream-prefix': 'scratch-init' }) });
  });

  test.each([
    ['nginx-unprivileged', 'public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine', '101'],
    ['distroless nonroot', 'gcr.io/distroless/static-debian12:nonroot', '65532'],
    ['Chainguard', 'cgr.dev/chainguard/python:latest', '65532'],
    ['Bitnami', 'public.ecr.aws/bitnami/redis:7.4', '1001'],
  ])('non-root image (%s, %s): keeps the image\'s own uid %s, and scratch paths are writable for it', (_kind, image, uid) => {
    const [app, init] = containers(fargate(image));
    expect(app).toMatchObject({ User: uid, ReadonlyRootFilesystem: true, DependsOn: WAITS_FOR_INIT });
    expect(init).toMatchObject(INIT);
  });

  test('an explicit non-root user wins, and still gets writable scratch paths', () => {
    const [app, init] = containers(fargate('public.ecr.aws/nginx/nginx:1.27', { user: '5000:5000' }));
    expect(app).toMatchObject({ User: '5000:5000', DependsOn: WAITS_FOR_INIT });
    expect(init.Name).toBe('scratch-init');
  });

  test('an explicit root user needs no init step', () => {
    const task = fargate('public.ecr.aws/nginx/nginx:1.27', { user: 'root' });
    const defs = containers(task);
    expect(defs.map((c) => c.Name)).toEqual(['app']);
    expect(defs[0].DependsOn).toBeUndefined();
  });

  test('no scratch paths: no init step', () => {
    const stack = new Stack(new App(), 'Images');
    const task = new FargateTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') } });
    expect(containers(task).map((c) => c.Name)).toEqual(['app']);
  });

  test('one init step serves every container and scratch volume of the task; the main container leaves it memory', () => {
    const stack = new Stack(new App(), 'Images');
    const task = new FargateTask(stack, 'Task', {
      size: FargateSize.of(256, 512),
      container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), scratchPaths: ['/tmp', '/var/cache/nginx'] },
    });
    task.addContainer('sidecar', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/aws-observability/aws-otel-collector:v0.43.1'), scratchPaths: ['/tmp'] });
    const defs = containers(task);
    expect(defs.map((c) => c.Name)).toEqual(['app', 'scratch-init', 'sidecar']);
    expect(defs[1].MountPoints.map((m: any) => m.SourceVolume)).toEqual(['scratch-app-tmp', 'scratch-app-var-cache-nginx', 'scratch-sidecar-tmp']);
    expect(defs[0].DependsOn).toEqual(WAITS_FOR_INIT);
    expect(defs[2].DependsOn).toEqual(WAITS_FOR_INIT);
    // 512 - sidecar 128 - init 16
    expect(defs[0].Memory).toBe(368);
  });

  test('a custom init image (e.g. a copy in your own ECR, for tasks without internet access)', () => {
    const stack = new Stack(new App(), 'Images');
    const task = new FargateTask(stack, 'Task', {
      scratchInitImage: ecs.ContainerImage.fromRegistry('111111111111.dkr.ecr.eu-west-1.amazonaws.com/ecr-public/docker/library/busybox:1.37'),
      container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), scratchPaths: ['/tmp'] },
    });
    expect(containers(task)[1].Image).toBe('111111111111.dkr.ecr.eu-west-1.amazonaws.com/ecr-public/docker/library/busybox:1.37');
  });

  test('addScratchVolume on the task is writable for non-root users too', () => {
    const stack = new Stack(new App(), 'Images');
    const task = new FargateTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') } });
    task.addScratchVolume('/var/run');
    const [app, init] = containers(task);
    expect(app.DependsOn).toEqual(WAITS_FOR_INIT);
    expect(init.MountPoints[0].SourceVolume).toBe('scratch-app-var-run');
  });

  test('EC2 tasks (Docker-managed bind mounts are root-owned too) get the same init step', () => {
    const stack = new Stack(new App(), 'Images');
    const task = new Ec2Task(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), scratchPaths: ['/tmp'] } });
    const [app, init] = containers(task);
    expect(app).toMatchObject({ User: '1000', DependsOn: WAITS_FOR_INIT });
    expect(init).toMatchObject({ Name: 'scratch-init', User: '0' });
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
  });

  test('the root init container is acknowledged for Control Tower CT.ECS.PR.3 on the task definition, with its reason, only while no other container runs as root', () => {
    const acks = (task: FargateTask) => {
      Template.fromStack(Stack.of(task));
      return JSON.stringify(task.taskDefinition.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').map((m) => m.data));
    };
    expect(acks(fargate('public.ecr.aws/nginx/nginx:1.27'))).toMatch(/ecs_task_definition_nonroot_user_check.*scratch-init.*chmod 1777/);
    // A sidecar the app runs as root (or with no user) keeps the task's finding (found by a compliance trial).
    for (const user of ['0', 'root', '0:0', undefined]) {
      const task = fargate('public.ecr.aws/nginx/nginx:1.27');
      task.taskDefinition.addContainer('side', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 64, user });
      expect(acks(task)).not.toContain('ecs_task_definition_nonroot_user_check');
    }
    const fine = fargate('public.ecr.aws/nginx/nginx:1.27');
    fine.taskDefinition.addContainer('side', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 64, user: '1000' });
    expect(acks(fine)).toContain('ecs_task_definition_nonroot_user_check');
  });
});

describe('image references (aws-cdk-lib internal: RepositoryImage.imageName)', () => {
  test('registry images expose their reference; other images none', () => {
    expect(imageReference(ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'))).toBe('public.ecr.aws/nginx/nginx:1.27');
    expect(defaultUserFor(ecs.ContainerImage.fromRegistry('nginxinc/nginx-unprivileged:stable'))).toBe('101');
    expect(defaultUserFor(ecs.ContainerImage.fromRegistry('gcr.io/distroless/static-debian12:latest'))).toBe('1000');
    expect(defaultUserFor(ecs.ContainerImage.fromRegistry('python:3.13'))).toBe('1000');
  });

  test('every family has a documented uid', () => {
    for (const f of NON_ROOT_IMAGE_FAMILIES) expect(f.uid).toMatch(/^\d+$/);
  });
});

// containers-roadmap#1721: "The ECS container runtime does not allow a process running as a non-root user to bind to privileged ports (<1024)".
describe('KIT-TASK-PRIVILEGED-PORT: the kit\'s non-root default user on a port below 1024', () => {
  const warnings = (task: FargateTask) => Annotations.fromStack(Stack.of(task))
    .findWarning('*', Match.stringLikeRegexp('KIT-TASK-PRIVILEGED-PORT')).map((w) => String(w.entry.data));

  test('a root image on port 80 with the default user warns, naming the container, port, user and fix', () => {
    expect(warnings(fargate('nginx:1.27', { portMappings: [{ containerPort: 80 }, { containerPort: 8443 }] }))).toEqual([
      "[KIT-TASK-PRIVILEGED-PORT] container 'app' maps containerPort 80 but runs as user 1000, the kit's default non-root user; a non-root process "
      + 'cannot bind ports below 1024 on ECS at Images/Task; allowed: container ports of 1024 and up for a non-root user. Make the server listen on a port '
      + 'of 1024 or more (e.g. 8080) and map that (a load balancer listener may stay on 443), use an image built to run as non-root (nginx-unprivileged '
      + 'listens on 8080), or set user to the uid the image needs. [ack: KIT-TASK-PRIVILEGED-PORT]',
    ]);
  });

  test('no warning for ports of 1024 and up, or when the app sets user itself', () => {
    expect(warnings(fargate('nginx:1.27', { portMappings: [{ containerPort: 1024 }, { containerPort: 8080 }] }))).toEqual([]);
    expect(warnings(fargate('nginx:1.27', { portMappings: [{ containerPort: 80 }], user: '0' }))).toEqual([]);
    expect(warnings(fargate('nginx:1.27', { portMappings: [{ containerPort: 80 }], user: '101' }))).toEqual([]);
  });
});
