/**
 * Form fields bound to react-hook-form, each showing beside it the schema error (if the value
 * cannot be used) and every finding the analysis reports for it.
 */
import { Field, type FieldMessage } from '@rke2-edge/ui';
import { useState, type ReactNode } from 'react';
import { Controller, useFormContext, type FieldError } from 'react-hook-form';
import { fieldId } from '../findings/fieldPaths.js';
import { useAnalysis } from '../state/siteContext.js';

export interface FieldBinding {
  /** Form field name, e.g. "proxy.noProxy". */
  name: string;
  label: string;
  hint?: string | undefined;
  /** Path of the value in the site (for findings and focus), e.g. ['nodes', 3, 'labels']. */
  sitePath: readonly (string | number)[];
}

function errorAt(errors: Record<string, unknown>, name: string): FieldError | undefined {
  return name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors) as
    FieldError | undefined;
}

function useMessages(binding: FieldBinding): { id: string; messages: FieldMessage[] } {
  const { formState } = useFormContext();
  const { messagesByField } = useAnalysis();
  const id = fieldId(binding.sitePath);
  const schemaError = errorAt(formState.errors, binding.name);
  const messages = [
    ...(schemaError?.message ? [{ severity: 'error' as const, text: schemaError.message }] : []),
    ...(messagesByField.get(id) ?? []),
  ];
  return { id, messages };
}

/**
 * `masked`: shown as dots (CSS text-security) but not a password field, so the browser neither
 * offers to save a machine secret as a site password nor runs its password manager on it.
 */
export function TextField(
  props: FieldBinding & { type?: 'text' | 'password'; masked?: boolean; placeholder?: string; autoComplete?: string; after?: ReactNode },
) {
  const { register } = useFormContext();
  const { id, messages } = useMessages(props);
  return (
    <Field id={id} label={props.label} hint={props.hint} messages={messages}>
      {(control) => (
        <div className="input-row">
          <input
            {...control}
            {...register(props.name)}
            type={props.type ?? 'text'}
            className={props.masked ? 'masked' : undefined}
            placeholder={props.placeholder}
            autoComplete={props.autoComplete ?? 'off'}
            spellCheck={false}
          />
          {props.after}
        </div>
      )}
    </Field>
  );
}

/** Multi-line text kept as one string (a PEM certificate or key); `masked` hides it like the token. */
export function TextAreaField(props: FieldBinding & { rows?: number; masked?: boolean; placeholder?: string }) {
  const { register } = useFormContext();
  const { id, messages } = useMessages(props);
  return (
    <Field id={id} label={props.label} hint={props.hint} messages={messages}>
      {(control) => (
        <textarea
          {...control}
          {...register(props.name)}
          rows={props.rows ?? 4}
          className={props.masked ? 'masked' : undefined}
          placeholder={props.placeholder}
          autoComplete="off"
          spellCheck={false}
          wrap="off"
        />
      )}
    </Field>
  );
}

export function CheckboxField(props: FieldBinding) {
  const { register } = useFormContext();
  const { id, messages } = useMessages(props);
  return (
    <Field id={id} label={props.label} hint={props.hint} messages={messages} inline>
      {(control) => <input {...control} {...register(props.name)} type="checkbox" />}
    </Field>
  );
}

export function SelectField(props: FieldBinding & { options: readonly string[]; optionLabels?: Record<string, string> }) {
  const { register } = useFormContext();
  const { id, messages } = useMessages(props);
  return (
    <Field id={id} label={props.label} hint={props.hint} messages={messages}>
      {(control) => (
        <select {...control} {...register(props.name)}>
          {props.options.map((o) => (
            <option key={o} value={o}>
              {props.optionLabels?.[o] ?? o}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A list of strings edited as one entry per line; blank lines are ignored. */
export function ListField(props: FieldBinding & { rows?: number; placeholder?: string | undefined }) {
  const { control } = useFormContext();
  const { id, messages } = useMessages(props);
  return (
    <Field id={id} label={props.label} hint={props.hint ?? 'One per line.'} messages={messages}>
      {(aria) => (
        <Controller
          control={control}
          name={props.name}
          render={({ field }) => (
            <ListTextarea
              aria={aria}
              value={field.value as string[]}
              onChange={field.onChange}
              onBlur={field.onBlur}
              rows={props.rows}
              placeholder={props.placeholder}
            />
          )}
        />
      )}
    </Field>
  );
}

function ListTextarea({
  aria,
  value,
  onChange,
  onBlur,
  rows = 3,
  placeholder,
}: {
  aria: object;
  value: string[];
  onChange: (v: string[]) => void;
  onBlur: () => void;
  rows?: number | undefined;
  placeholder?: string | undefined;
}) {
  // The text is kept as typed (blank lines included) so Enter works; the list is what it means.
  const [text, setText] = useState(() => value.join('\n'));
  return (
    <textarea
      {...aria}
      rows={rows}
      spellCheck={false}
      wrap="off"
      placeholder={placeholder}
      value={text}
      onBlur={onBlur}
      onChange={(e) => {
        setText(e.target.value);
        onChange(toList(e.target.value));
      }}
    />
  );
}

export const toList = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
