/**
 * A labelled form control with its hint and its messages beside it. The control itself is passed
 * as a render function so forms can register it; it receives the ids to wire up.
 */
import type { ReactNode } from 'react';

export interface FieldMessage {
  severity: 'error' | 'warning' | 'info';
  text: string;
}

interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean;
}

export interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  messages?: readonly FieldMessage[] | undefined;
  children: (control: FieldControlProps) => ReactNode;
  /** Puts the label after the control (checkboxes). */
  inline?: boolean;
}

export function Field({ id, label, hint, messages = [], children, inline = false }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const messagesId = messages.length > 0 ? `${id}-messages` : undefined;
  const describedBy = [hintId, messagesId].filter(Boolean).join(' ') || undefined;
  const control = children({ id, 'aria-describedby': describedBy, 'aria-invalid': messages.some((m) => m.severity === 'error') });
  const labelElement = <label htmlFor={id}>{label}</label>;
  return (
    <div className={`field${inline ? ' field-inline' : ''}`}>
      {inline ? (
        <>
          {control}
          {labelElement}
        </>
      ) : (
        <>
          {labelElement}
          {control}
        </>
      )}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {messagesId && (
        <ul id={messagesId} className="field-messages">
          {messages.map((m, i) => (
            <li key={i} className={`message-${m.severity}`}>
              <span className="visually-hidden">{m.severity}: </span>
              {m.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
