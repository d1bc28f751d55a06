/** Permalinks and state files: the whole experiment state in a URL fragment or a JSON file, and back. */
export { decodeFragment, decodeStateFile } from './decode.ts';
export type { Decoded, DecodeOptions } from './decode.ts';
export { encodeFragment, encodeStateFile } from './encode.ts';
export type { LinkNotice } from './notices.ts';
export { describeNotice } from './notices.ts';
export { MIGRATIONS, renameKeys } from './migrations.ts';
export type { Migration, MigrationTable } from './migrations.ts';
export { PASSTHROUGH_KEYS } from './keys.ts';
