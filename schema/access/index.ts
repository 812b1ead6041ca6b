export * from './acl.js';
export * from './user-criteria.js';
