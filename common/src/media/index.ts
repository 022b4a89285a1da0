export * from './platforms.ts';
export * from './wci.ts';
export * from './silence.ts';
export * from './metrics-columns.ts';
export * from './media-work.ts';
export * from './account-history.ts';
