export * from './standard-props';
export * from './deployment-standard';
export * from './testing';
