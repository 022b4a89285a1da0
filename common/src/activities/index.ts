export * from './activity-kinds.ts';
export * from './five-into-norm.ts';
