/** Regenerates src/math/gemm/gemm-binary.ts from src/math/gemm/gemm.wat. */
import { writeFileSync } from 'node:fs';
import { assembleGemm, binaryModuleSource } from '../src/math/gemm/assemble.ts';

const bytes = await assembleGemm();
writeFileSync(new URL('../src/math/gemm/gemm-binary.ts', import.meta.url), binaryModuleSource(bytes));
console.log(`gemm.wasm: ${bytes.length} bytes`);
