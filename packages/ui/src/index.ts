/** Public API of @rke2-edge/ui: small accessible components without domain logic. */
export { CodeBlock, type CodeBlockProps } from './CodeBlock.js';
