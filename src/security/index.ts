export * from './kms-keys';
