/** Variable formats, boxes and mass cuts. */
export * from './components.js';
export * from './part.js';
export * from './format.js';
export * from './box.js';
export { sphericalAngles } from './spin-parts.js';
