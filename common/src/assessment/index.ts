export * from './facts.ts';
export * from './plan.ts';
export * from './trace.ts';
export * from './validate-plan.ts';
export * from './evaluate-unit.ts';
export * from './periods.ts';
export * from './ranking.ts';
export * from './default-plan-2018.ts';
