/**
 * The RegisterTaskDefinition JSON fields CloudFormation supports, as data:
 * JSON key -> CfnTaskDefinition (L1) prop and value type. Every field of the
 * API that AWS::ECS::TaskDefinition has is here; read-only fields of
 * describe-task-definition output are listed separately.
 */

/** A value type; an object or a list of objects carries its own field table. */
export type FieldType =
  | 'string' | 'integer' | 'boolean' | 'strings' | 'integers' | 'map'
  | { readonly object: FieldTable } | { readonly list: FieldTable };

/** JSON key -> type (same L1 key) or [L1 key, type]. */
export type FieldTable = Readonly<Record<string, FieldType | readonly [string, FieldType]>>;

/** A table entry as [L1 key, type]: the JSON key, unless the entry renames it. */
export function fieldEntry(jsonKey: string, entry: FieldTable[string]): readonly [string, FieldType] {
  return Array.isArray(entry) ? entry as readonly [string, FieldType] : [jsonKey, entry as FieldType];
}

const NAME_VALUE: FieldTable = { name: 'string', value: 'string' };
const SECRET: FieldTable = { name: 'string', valueFrom: 'string' };

const LINUX_PARAMETERS: FieldTable = {
  capabilities: { object: { add: 'strings', drop: 'strings' } },
  devices: { list: { hostPath: 'string', containerPath: 'string', permissions: 'strings' } },
  initProcessEnabled: 'boolean',
  sharedMemorySize: 'integer',
  tmpfs: { list: { containerPath: 'string', size: 'integer', mountOptions: 'strings' } },
  maxSwap: 'integer',
  swappiness: 'integer',
};

export const CONTAINER_FIELDS: FieldTable = {
  name: 'string',
  image: 'string',
  repositoryCredentials: { object: { credentialsParameter: 'string' } },
  cpu: 'integer',
  memory: 'integer',
  memoryReservation: 'integer',
  links: 'strings',
  portMappings: {
    list: {
      containerPort: 'integer',
      hostPort: 'integer',
      protocol: 'string',
      name: 'string',
      appProtocol: 'string',
      containerPortRange: 'string',
    },
  },
  essential: 'boolean',
  restartPolicy: { object: { enabled: 'boolean', ignoredExitCodes: 'integers', restartAttemptPeriod: 'integer' } },
  entryPoint: 'strings',
  command: 'strings',
  environment: { list: NAME_VALUE },
  environmentFiles: { list: { value: 'string', type: 'string' } },
  mountPoints: { list: { sourceVolume: 'string', containerPath: 'string', readOnly: 'boolean' } },
  volumesFrom: { list: { sourceContainer: 'string', readOnly: 'boolean' } },
  linuxParameters: { object: LINUX_PARAMETERS },
  secrets: { list: SECRET },
  dependsOn: { list: { containerName: 'string', condition: 'string' } },
  startTimeout: 'integer',
  stopTimeout: 'integer',
  versionConsistency: 'string',
  hostname: 'string',
  user: 'string',
  workingDirectory: 'string',
  disableNetworking: 'boolean',
  privileged: 'boolean',
  readonlyRootFilesystem: 'boolean',
  dnsServers: 'strings',
  dnsSearchDomains: 'strings',
  extraHosts: { list: { hostname: 'string', ipAddress: 'string' } },
  dockerSecurityOptions: 'strings',
  interactive: 'boolean',
  pseudoTerminal: 'boolean',
  dockerLabels: 'map',
  ulimits: { list: { name: 'string', softLimit: 'integer', hardLimit: 'integer' } },
  logConfiguration: { object: { logDriver: 'string', options: 'map', secretOptions: { list: SECRET } } },
  healthCheck: {
    object: { command: 'strings', interval: 'integer', timeout: 'integer', retries: 'integer', startPeriod: 'integer' },
  },
  systemControls: { list: { namespace: 'string', value: 'string' } },
  resourceRequirements: { list: { value: 'string', type: 'string' } },
  firelensConfiguration: { object: { type: 'string', options: 'map' } },
  credentialSpecs: 'strings',
};

export const VOLUME_FIELDS: FieldTable = {
  name: 'string',
  host: { object: { sourcePath: 'string' } },
  configuredAtLaunch: 'boolean',
  dockerVolumeConfiguration: {
    object: { scope: 'string', autoprovision: 'boolean', driver: 'string', driverOpts: 'map', labels: 'map' },
  },
  efsVolumeConfiguration: {
    object: {
      fileSystemId: ['filesystemId', 'string'],
      rootDirectory: 'string',
      transitEncryption: 'string',
      transitEncryptionPort: 'integer',
      authorizationConfig: { object: { accessPointId: 'string', iam: 'string' } },
    },
  },
  fsxWindowsFileServerVolumeConfiguration: ['fSxWindowsFileServerVolumeConfiguration', {
    object: {
      fileSystemId: 'string',
      rootDirectory: 'string',
      authorizationConfig: { object: { credentialsParameter: 'string', domain: 'string' } },
    },
  }],
};

export const TASK_FIELDS: FieldTable = {
  family: 'string',
  taskRoleArn: 'string',
  executionRoleArn: 'string',
  networkMode: 'string',
  containerDefinitions: { list: CONTAINER_FIELDS },
  volumes: { list: VOLUME_FIELDS },
  placementConstraints: { list: { type: 'string', expression: 'string' } },
  requiresCompatibilities: 'strings',
  cpu: 'string',
  memory: 'string',
  tags: { list: { key: 'string', value: 'string' } },
  pidMode: 'string',
  ipcMode: 'string',
  proxyConfiguration: {
    object: { type: 'string', containerName: 'string', properties: ['proxyConfigurationProperties', { list: NAME_VALUE }] },
  },
  inferenceAccelerators: { list: { deviceName: 'string', deviceType: 'string' } },
  ephemeralStorage: { object: { sizeInGiB: 'integer' } },
  runtimePlatform: { object: { cpuArchitecture: 'string', operatingSystemFamily: 'string' } },
  enableFaultInjection: 'boolean',
};

/**
 * Read-only fields of `aws ecs describe-task-definition` output. They describe
 * a registered revision, not what to register; they are skipped with a warning.
 */
export const READ_ONLY_FIELDS: readonly string[] = [
  'taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities',
  'registeredAt', 'registeredBy', 'deregisteredAt',
];
