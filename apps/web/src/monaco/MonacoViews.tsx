/**
 * The Monaco-based views: a read-only code viewer, a YAML editor with RKE2 completion, hover and
 * validation, and a diff viewer. Imported lazily through LazyMonaco. They drive the bundled
 * `monaco-editor` directly (no loader, so nothing in the bundle points at a CDN), creating the
 * editor once per mount and updating its model as props change.
 */
import { useEffect, useRef } from 'react';
import { modelPathFor, monaco, type Rke2SchemaRole } from './monacoSetup.js';

type Options = monaco.editor.IStandaloneEditorConstructionOptions;

const BASE: Options = {
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 13,
  lineNumbersMinChars: 3,
  renderLineHighlight: 'none',
  automaticLayout: true,
  tabSize: 2,
};

/** Replaces a model's text only when it differs (keeps the view, and the undo stack, otherwise). */
function setText(model: monaco.editor.ITextModel | null | undefined, text: string) {
  if (model && model.getValue() !== text) model.setValue(text);
}

export interface CodeViewerProps {
  text: string;
  language: string;
  label: string;
  /** A 1-based line to scroll to the middle of the view, select and highlight. */
  line?: number | undefined;
}

export default function MonacoCodeViewer({ text, language, label, line }: CodeViewerProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const revealed = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  useEffect(() => {
    const created = monaco.editor.create(host.current!, {
      ...BASE,
      value: text,
      language,
      readOnly: true,
      domReadOnly: true,
      ariaLabel: label,
      wordWrap: 'on',
    });
    editor.current = created;
    revealed.current = created.createDecorationsCollection();
    return () => {
      created.getModel()?.dispose();
      created.dispose();
    };
    // Created once; the effects below follow the props.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const model = editor.current?.getModel();
    setText(model, text);
    if (model) monaco.editor.setModelLanguage(model, language);
    editor.current?.updateOptions({ ariaLabel: label });
  }, [text, language, label]);
  // After the text effect, so the line exists in the model it is revealed in.
  useEffect(() => {
    const current = editor.current;
    const model = current?.getModel();
    if (!current || !model) return;
    if (line === undefined || line < 1 || line > model.getLineCount()) {
      revealed.current?.clear();
      return;
    }
    const range = new monaco.Range(line, 1, line, model.getLineMaxColumn(line));
    current.setSelection(range);
    current.revealLineInCenter(line);
    revealed.current?.set([
      { range, options: { isWholeLine: true, className: 'revealed-line', linesDecorationsClassName: 'revealed-line-mark' } },
    ]);
  }, [line, text]);
  return <div ref={host} className="monaco-host" />;
}

export interface YamlEditorProps {
  value: string;
  onChange: (value: string) => void;
  label: string;
  name: string;
  role: Rke2SchemaRole;
}

/**
 * Editable YAML; its model path selects the RKE2 schema for the role (see monacoSetup). It follows
 * `value`: a change from outside (undo, redo, another tab) replaces the text as one edit, keeping
 * the cursor where it can; the editor's own typing comes back as the same text and changes nothing.
 */
export function MonacoYamlEditor({ value, onChange, label, name, role }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  const uri = modelPathFor(name, role);
  useEffect(() => {
    const path = monaco.Uri.parse(uri);
    monaco.editor.getModel(path)?.dispose();
    const model = monaco.editor.createModel(latest.current.value, 'yaml', path);
    const created = monaco.editor.create(host.current!, {
      ...BASE,
      model,
      quickSuggestions: { other: true, strings: true, comments: false },
      autoClosingBrackets: 'never',
      autoClosingQuotes: 'never',
    });
    editor.current = created;
    const changes = model.onDidChangeContent(() => {
      const text = model.getValue();
      if (text !== latest.current.value) latest.current.onChange(text);
    });
    return () => {
      changes.dispose();
      created.dispose();
      model.dispose();
      editor.current = null;
    };
  }, [uri]);
  useEffect(() => editor.current?.updateOptions({ ariaLabel: label }), [label, uri]);
  useEffect(() => {
    const current = editor.current;
    const model = current?.getModel();
    if (!current || !model || model.getValue() === value) return;
    const selections = current.getSelections();
    model.pushEditOperations(selections ?? [], [{ range: model.getFullModelRange(), text: value }], () => selections);
  }, [value]);
  return <div ref={host} className="monaco-host" />;
}

export interface DiffViewerProps {
  original: string;
  modified: string;
  language: string;
  label: string;
}

export function MonacoDiffViewer({ original, modified, language, label }: DiffViewerProps) {
  const host = useRef<HTMLDivElement>(null);
  const diff = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  useEffect(() => {
    const editor = monaco.editor.createDiffEditor(host.current!, {
      ...BASE,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      ariaLabel: label,
      useInlineViewWhenSpaceIsLimited: false,
    });
    const models = { original: monaco.editor.createModel(original, language), modified: monaco.editor.createModel(modified, language) };
    editor.setModel(models);
    diff.current = editor;
    return () => {
      // The widget lets go of its models before they are disposed (the other order makes Monaco
      // report "TextModel got disposed before DiffEditorWidget model got reset").
      editor.dispose();
      models.original.dispose();
      models.modified.dispose();
    };
    // Created once; the effect below follows the props.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const models = diff.current?.getModel();
    setText(models?.original, original);
    setText(models?.modified, modified);
    for (const model of [models?.original, models?.modified]) if (model) monaco.editor.setModelLanguage(model, language);
    diff.current?.updateOptions({ ariaLabel: label });
  }, [original, modified, language, label]);
  return <div ref={host} className="monaco-host" />;
}
