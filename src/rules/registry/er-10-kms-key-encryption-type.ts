import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject, toStr } from '../values';

export const ER10_KMS_KEY_ENCRYPTION_TYPE: ResourceRule = {
  id: 'ECS-ER-10',
  title: 'An ECR KmsKey needs encryption type KMS or KMS_DSSE',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Flags EncryptionConfiguration.KmsKey with EncryptionType AES256 (or omitted) on AWS::ECR::Repository.',
  deployError: 'CreateRepository fails: a KMS key can only be given with the KMS or KMS_DSSE encryption type.',
  fix: 'Set EncryptionType to KMS (or KMS_DSSE), or remove KmsKey.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_EncryptionConfiguration.html',
  resourceTypes: ['AWS::ECR::Repository'],
  check(repo): RuleIssue[] {
    const enc = toObject(repo.properties.EncryptionConfiguration);
    if (!enc || enc.KmsKey === undefined) return [];
    const type = enc.EncryptionType === undefined ? 'AES256' : toStr(enc.EncryptionType);
    if (type === undefined || type === 'KMS' || type === 'KMS_DSSE') return [];
    return [{ property: 'Properties/EncryptionConfiguration/KmsKey', value: enc.KmsKey, problem: `KmsKey with EncryptionType ${type}${enc.EncryptionType === undefined ? ' (default)' : ''}`, allowed: 'KmsKey with EncryptionType KMS or KMS_DSSE', fix: 'Set EncryptionType: KMS.' }];
  },
};
