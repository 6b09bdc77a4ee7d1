/**
 * Monaco views loaded on first use. Until Monaco arrives (or if it cannot load) the same content
 * is shown as plain text and the YAML editor is a plain textarea, so nothing waits on it.
 */
import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { CodeViewerProps, DiffViewerProps, YamlEditorProps } from './MonacoViews.js';

/** Lets the browser paint and handle input before the next part of Monaco is evaluated. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Monaco is ~3 MB of JavaScript; evaluated as one module graph it held the main thread for
 * 150–260 ms. Loaded as three chunks with a task boundary between them (the editor core, the
 * editor features, then monaco-yaml and the views), no single step freezes the page that long.
 */
let loading: Promise<typeof import('./MonacoViews.js')> | undefined;
const load = () =>
  (loading ??= (async () => {
    await import('monaco-editor/esm/vs/editor/editor.api.js');
    await nextTask();
    await import('./monacoFeatures.js');
    await nextTask();
    return import('./MonacoViews.js');
  })());
const LazyCodeViewer = lazy(load);
const LazyYamlEditor = lazy(() => load().then((m) => ({ default: m.MonacoYamlEditor })));
const LazyDiffViewer = lazy(() => load().then((m) => ({ default: m.MonacoDiffViewer })));

/** Falls back to the plain view if Monaco fails to load (a blocked chunk must not blank the app). */
class PlainOnError extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function WithFallback({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  return (
    <PlainOnError fallback={fallback}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </PlainOnError>
  );
}

export function CodeViewer(props: CodeViewerProps) {
  const plain = (
    <pre className="code-fallback" tabIndex={0} aria-label={props.label} data-line={props.line}>
      {props.text}
    </pre>
  );
  return (
    <WithFallback fallback={plain}>
      <LazyCodeViewer {...props} />
    </WithFallback>
  );
}

export function YamlEditor(props: YamlEditorProps) {
  const plain = (
    <textarea
      className="code-fallback"
      aria-label={props.label}
      spellCheck={false}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
  return (
    <WithFallback fallback={plain}>
      <LazyYamlEditor {...props} />
    </WithFallback>
  );
}

export function DiffViewer(props: DiffViewerProps) {
  const plain = (
    <div className="diff-fallback">
      <pre aria-label={`${props.label}: left`}>{props.original}</pre>
      <pre aria-label={`${props.label}: right`}>{props.modified}</pre>
    </div>
  );
  return (
    <WithFallback fallback={plain}>
      <LazyDiffViewer {...props} />
    </WithFallback>
  );
}

/** Starts downloading Monaco in the background once the editor is on screen. */
export function preloadMonaco(): void {
  void load().catch(() => undefined);
}
