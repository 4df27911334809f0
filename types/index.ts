// Public face of the contracts, imported by the mini program and the functions alike.
export * from './errors';
export * from './common';
export * from './enums';
export * from './id-number';
export * from './sms';
export * from './user';
export * from './org';
export * from './functions';
