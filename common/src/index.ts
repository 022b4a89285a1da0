export * from './roles.ts';
export * from './org.ts';
export * from './password-policy.ts';
export * from './errors.ts';
export * from './schemas/common.ts';
export * from './schemas/org.ts';
export * from './schemas/auth.ts';
export * from './schemas/audit.ts';
