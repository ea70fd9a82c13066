export * from './quota-table';
export * from './quota-profile';
