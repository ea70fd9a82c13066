import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import type { SecureRepository } from './secure-repository';

/**
 * An image in a SecureRepository. Binding grants the task's execution role pull through the shared
 * customer-managed policy (`EcrImagesPolicy`), as `ContainerImage.fromEcrRepository(secureRepository)` does too
 * (it calls this repository's `grantPull`); on a plain `ecr.Repository`, `fromEcrRepository` writes an inline
 * policy that HIPAA, NIST and PCI flag. Get one from `SecureRepository.imageForTag` or `imageForDigest`, which
 * also check the tag or digest.
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
