/** A labelled, scrollable, read-only block of generated text. */
export interface CodeBlockProps {
  /** Visible title, also the accessible name of the region. */
  title: string;
  text: string;
}

export function CodeBlock({ title, text }: CodeBlockProps) {
  const id = `code-${title.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <section aria-labelledby={id} className="code-block">
      <h3 id={id}>{title}</h3>
      <pre tabIndex={0}>
        <code>{text}</code>
      </pre>
    </section>
  );
}
