// Small fetch wrapper for the Minsheng HTTP API (see docs/API.md): tokens, requests and their errors, the
// typed call by route key, the answers' names and the download addresses, one file each; import from here.
export * from './tokens';
export * from './request';
export * from './call';
export * from './types';
export * from './endpoints';
