/**
 * The Monaco-based views: a read-only code viewer, a YAML editor with RKE2 completion, hover and
 * validation, and a diff viewer. Imported lazily through LazyMonaco.
 */
import { DiffEditor, Editor } from '@monaco-editor/react';
import type { editor } from 'monaco-editor';
import { modelPathFor, type Rke2SchemaRole } from './monacoSetup.js';

const BASE: editor.IStandaloneEditorConstructionOptions = {
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 13,
  lineNumbersMinChars: 3,
  renderLineHighlight: 'none',
  automaticLayout: true,
  tabSize: 2,
};

export interface CodeViewerProps {
  text: string;
  language: string;
  label: string;
  path: string;
}

export default function MonacoCodeViewer({ text, language, label, path }: CodeViewerProps) {
  return (
    <Editor
      value={text}
      language={language}
      path={`file:///preview/${path.replace(/^\//, '')}`}
      options={{ ...BASE, readOnly: true, domReadOnly: true, ariaLabel: label, wordWrap: 'on' }}
      loading={<pre className="code-fallback">{text}</pre>}
    />
  );
}

export interface YamlEditorProps {
  value: string;
  onChange: (value: string) => void;
  label: string;
  name: string;
  role: Rke2SchemaRole;
}

export function MonacoYamlEditor({ value, onChange, label, name, role }: YamlEditorProps) {
  return (
    <Editor
      defaultValue={value}
      language="yaml"
      path={modelPathFor(name, role)}
      onChange={(v) => onChange(v ?? '')}
      options={{ ...BASE, ariaLabel: label, quickSuggestions: { other: true, strings: true, comments: false }, autoClosingBrackets: 'never', autoClosingQuotes: 'never' }}
    />
  );
}

export interface DiffViewerProps {
  original: string;
  modified: string;
  language: string;
  label: string;
}

export function MonacoDiffViewer({ original, modified, language, label }: DiffViewerProps) {
  return (
    <DiffEditor
      height="460px"
      original={original}
      // The diff keeps its two models across unmounts (reused through these paths): disposing them
      // on unmount makes Monaco report "TextModel got disposed before DiffEditorWidget model got reset".
      originalModelPath="file:///diff/left"
      modifiedModelPath="file:///diff/right"
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      modified={modified}
      language={language}
      options={{ ...BASE, readOnly: true, originalEditable: false, renderSideBySide: true, ariaLabel: label, useInlineViewWhenSpaceIsLimited: false }}
    />
  );
}
