/**
 * Assembles gemm.wat into WebAssembly bytes with wabt (a dev dependency): used by the generator script and by
 * the test that keeps the committed bytes (gemm-binary.ts) in step with the source.
 */
import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';

export const WAT_PATH = new URL('./gemm.wat', import.meta.url);

export async function assembleGemm(): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat('gemm.wat', readFileSync(WAT_PATH, 'utf8'), { simd: true, bulk_memory: true });
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

export function binaryModuleSource(bytes: Uint8Array): string {
  return [
    '// Generated from gemm.wat by `npm run build:wasm` (scripts/build-gemm-wasm.ts); do not edit.',
    '// A test checks that these bytes are what the .wat assembles to.',
    `export const GEMM_WASM_BASE64 = '${Buffer.from(bytes).toString('base64')}';`,
    '',
  ].join('\n');
}
