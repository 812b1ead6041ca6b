export * from './acl.js';
export * from './user-criteria.js';
export * from './identity-types.js';
export * from './match-criteria.js';
