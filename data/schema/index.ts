export * from './geography.ts';
export * from './compounds.ts';
export * from './governance.ts';
export * from './service.ts';
export * from './issues.ts';
export * from './admin.ts';
export * from './review.ts';
export * from './auth.ts';
