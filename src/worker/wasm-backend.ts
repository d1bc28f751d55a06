/**
 * Registers TensorFlow.js's WebAssembly backend ('wasm') in the training worker. Vite fingerprints the three
 * .wasm binaries as assets (`?url`), so the backend is told their served URLs file by file: the default
 * (next to the script, unhashed) does not exist in the build. Which binary it loads (plain, SIMD, threaded
 * SIMD) it decides from the browser's features; threads need cross-origin isolation, which this app does not
 * ask for, so in practice the SIMD one.
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded });
