export * from './case-kinds.ts';
export * from './case-workflow.ts';
export * from './time-limits.ts';
export * from './tracking-number.ts';
export * from './redact.ts';
export * from './consultations.ts';
export * from './case-stats.ts';
export * from './disclosure-report.ts';
