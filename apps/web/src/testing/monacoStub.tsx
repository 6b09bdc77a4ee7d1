/** Monaco replaced by plain text views for jsdom tests: `vi.mock('../monaco/LazyMonaco.js', () => import(this module))`. */
export const CodeViewer = ({ text, label, line }: { text: string; label: string; line?: number | undefined }) => (
  <pre aria-label={label} data-line={line}>
    {text}
  </pre>
);

export const YamlEditor = ({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) => (
  <textarea aria-label={label} defaultValue={value} onChange={(e) => onChange(e.target.value)} />
);

export const DiffViewer = ({ original, modified }: { original: string; modified: string }) => <pre>{`${original}\n---\n${modified}`}</pre>;

export const preloadMonaco = () => undefined;
