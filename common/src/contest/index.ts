export * from './judge-assignment.ts';
export * from './score-aggregation.ts';
export * from './award-proposal.ts';
export * from './contest-template.ts';
