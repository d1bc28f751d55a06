/**
 * The one place `src/train` gets TensorFlow.js from. The umbrella package brings the core with its gradients
 * and the CPU and WebGL backends, and resolves in plain Node (its CommonJS build) as well as in Vite; importing
 * tfjs-core's ESM files directly fails under Node's resolver (directory imports).
 */
import * as tf from '@tensorflow/tfjs';

export { tf };
