/** Public API of @rke2-edge/ui: small accessible components without domain logic. */
export { CodeBlock, type CodeBlockProps } from './CodeBlock.js';
export { Field, type FieldProps, type FieldMessage, type FieldControlProps } from './Field.js';
export { Tabs, type TabsProps, type TabItem } from './Tabs.js';
export { StatusBadge, type Status } from './StatusBadge.js';
export { DuplicateIcon, RemoveIcon } from './icons.js';
export { ScrollRegion, type ScrollRegionProps } from './ScrollRegion.js';
