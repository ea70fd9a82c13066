import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import type { SecureRepository } from './secure-repository';

/**
 * An image in a SecureRepository. Unlike `ContainerImage.fromEcrRepository`, which calls the
 * repository's `grantPull` (an inline policy that HIPAA, NIST and PCI flag), binding grants the
 * task's execution role pull through the repository's customer-managed policy.
 * Get one from `SecureRepository.imageForTag` or `imageForDigest`.
 */
export class SecureRepositoryImage extends ecs.ContainerImage {
  /**
   * @param repository the repository holding the image
   * @param imageName the full image reference (URI with tag or digest)
   */
  constructor(private readonly repository: SecureRepository, public readonly imageName: string) {
    super();
  }

  public bind(_scope: Construct, containerDefinition: ecs.ContainerDefinition): ecs.ContainerImageConfig {
    this.repository.grantPull(containerDefinition.taskDefinition.obtainExecutionRole());
    return { imageName: this.imageName };
  }
}
