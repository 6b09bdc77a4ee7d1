/** Public API of @rke2-edge/ui: small accessible components without domain logic. */
export { Field, type FieldMessage } from './Field.js';
export { Tabs } from './Tabs.js';
export { StatusBadge } from './StatusBadge.js';
export { DuplicateIcon, RemoveIcon } from './icons.js';
export { ScrollRegion } from './ScrollRegion.js';
