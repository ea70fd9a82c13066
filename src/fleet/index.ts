export * from './service-fleet';
