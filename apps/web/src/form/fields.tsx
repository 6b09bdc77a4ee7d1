/**
 * Form fields bound to a path of a SiteForm (see siteForm.tsx): each reads its value from the
 * store, writes through the form, and shows beside it the hint from the schema, the message of a
 * value that cannot be used yet, and every finding the analysis reports for it.
 */
import { Field } from '@rke2-edge/ui';
import type { ReactNode } from 'react';
import { useField, type FieldBinding, type FieldRef } from './siteForm.js';

export interface FieldProps {
  field: FieldRef;
  label: string;
  /** Replaces the schema's description (a hint that depends on other settings). */
  hint?: string | undefined;
}

function BoundField({
  binding,
  label,
  hint,
  inline,
  children,
}: {
  binding: FieldBinding;
  label: string;
  hint?: string | undefined;
  inline?: boolean;
  children: (aria: object) => ReactNode;
}) {
  return (
    <Field id={binding.id} label={label} hint={hint ?? binding.hint} messages={binding.messages} inline={inline ?? false}>
      {children}
    </Field>
  );
}

const textOf = (binding: FieldBinding) =>
  binding.draftText ?? (typeof binding.value === 'string' ? binding.value : String(binding.value ?? ''));

/**
 * `masked`: shown as dots (CSS text-security) but not a password field, so the browser neither
 * offers to save a machine secret as a site password nor runs its password manager on it.
 */
export function TextField(
  props: FieldProps & { type?: 'text' | 'password'; masked?: boolean; placeholder?: string; autoComplete?: string; after?: ReactNode },
) {
  const binding = useField(props.field);
  return (
    <BoundField binding={binding} label={props.label} hint={props.hint}>
      {(aria) => (
        <div className="input-row">
          <input
            {...aria}
            name={binding.name}
            value={textOf(binding)}
            onChange={(e) => binding.change(e.target.value, e.target.value)}
            type={props.type ?? 'text'}
            className={props.masked ? 'masked' : undefined}
            placeholder={props.placeholder}
            autoComplete={props.autoComplete ?? 'off'}
            spellCheck={false}
          />
          {props.after}
        </div>
      )}
    </BoundField>
  );
}

/** Multi-line text kept as one string (a PEM certificate or key); `masked` hides it like the token. */
export function TextAreaField(props: FieldProps & { rows?: number; masked?: boolean; placeholder?: string }) {
  const binding = useField(props.field);
  return (
    <BoundField binding={binding} label={props.label} hint={props.hint}>
      {(aria) => (
        <textarea
          {...aria}
          name={binding.name}
          value={textOf(binding)}
          onChange={(e) => binding.change(e.target.value, e.target.value)}
          rows={props.rows ?? 4}
          className={props.masked ? 'masked' : undefined}
          placeholder={props.placeholder}
          autoComplete="off"
          spellCheck={false}
          wrap="off"
        />
      )}
    </BoundField>
  );
}

export function CheckboxField(props: FieldProps) {
  const binding = useField(props.field);
  return (
    <BoundField binding={binding} label={props.label} hint={props.hint} inline>
      {(aria) => (
        <input
          {...aria}
          name={binding.name}
          type="checkbox"
          checked={binding.value === true}
          onChange={(e) => binding.change(e.target.checked)}
        />
      )}
    </BoundField>
  );
}

export function SelectField(props: FieldProps & { options: readonly string[]; optionLabels?: Record<string, string> }) {
  const binding = useField(props.field);
  return (
    <BoundField binding={binding} label={props.label} hint={props.hint}>
      {(aria) => (
        <select {...aria} name={binding.name} value={String(binding.value ?? '')} onChange={(e) => binding.change(e.target.value)}>
          {props.options.map((o) => (
            <option key={o} value={o}>
              {props.optionLabels?.[o] ?? o}
            </option>
          ))}
        </select>
      )}
    </BoundField>
  );
}

/** A list of strings edited as one entry per line; blank lines are ignored (but kept in the text, so Enter works). */
export function ListField(props: FieldProps & { rows?: number; placeholder?: string | undefined }) {
  const binding = useField(props.field);
  const list = Array.isArray(binding.value) ? (binding.value as string[]) : [];
  return (
    <BoundField binding={binding} label={props.label} hint={props.hint ?? binding.hint ?? 'One per line.'}>
      {(aria) => (
        <textarea
          {...aria}
          name={binding.name}
          rows={props.rows ?? 3}
          spellCheck={false}
          wrap="off"
          placeholder={props.placeholder}
          value={binding.draftText ?? list.join('\n')}
          onChange={(e) => binding.change(toList(e.target.value), e.target.value)}
        />
      )}
    </BoundField>
  );
}

const toList = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
