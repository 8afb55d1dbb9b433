export * from './bounds.js';
export * from './dimensions.js';
export * from './format.js';
export * from './parse.js';
export * from './schema.js';
export * from './tolerance.js';
export * from './verdict.js';
