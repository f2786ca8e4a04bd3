/**
 * The library's one tfjs import: tfjs-core (ops, optimizers), all of its gradients (./tfjs-gradients)
 * and the pure-JS 'cpu' backend registered, as the former `@tensorflow/tfjs` umbrella package did
 * (./backend.ts loads wasm). tfjs-core instead of the umbrella keeps webgl, layers, data and the
 * converter (~220 MB) out of the install.
 */
import '@tensorflow/tfjs-backend-cpu';
import './tfjs-gradients.js';
// Types of the chained methods (`t.reshape()`, `t.mean()`) that ./tfjs-gradients registers.
import type {} from '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops.js';

export * from '@tensorflow/tfjs-core';
