// Small fetch wrapper for the Minsheng HTTP API (see docs/API.md): tokens, requests and their errors,
// the answers' shapes and the endpoints, one file each; import from here.
export * from './tokens';
export * from './request';
export * from './types';
export * from './endpoints';
