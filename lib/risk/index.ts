export * from './calendar';
export * from './messages';
export * from './references';
export * from './rules';
export * from './schema';
export * from './types';
