import type { ReactNode } from 'react';
import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { InfoIcon } from './Icons';

export interface FormFieldProps {
  label: string;
  /** Shown beside the label, e.g. "Optional". */
  tag?: string;
  /** Where to find the value, in Halo's words. */
  help?: ReactNode;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  error?: string | undefined;
  /** A non-blocking note, e.g. "Removed https:// and /api — will be saved as acme.halopsa.com". */
  note?: string | undefined;
  placeholder?: string;
  multiline?: boolean;
  type?: 'text' | 'password';
  autoFocus?: boolean;
  /** Rendered under the input, e.g. a tenant suggestion or a "Choose file…" button. */
  children?: ReactNode;
  name?: string;
  monospace?: boolean;
  isDisabled?: boolean;
}

/**
 * One labelled text field built on react-aria's TextField: the label, help text and error are wired to
 * the input with aria-describedby, and the error shows only when there is one.
 */
export function FormField(props: FormFieldProps) {
  const inputClass = ['field__input', props.monospace ? 'field__input--mono' : ''].filter(Boolean).join(' ');
  return (
    <TextField
      className="field"
      value={props.value}
      onChange={props.onChange}
      onBlur={props.onBlur}
      isInvalid={Boolean(props.error)}
      validationBehavior="aria"
      type={props.type ?? 'text'}
      name={props.name}
      autoFocus={props.autoFocus}
      isDisabled={props.isDisabled}
    >
      <div className="field__label-row">
        <Label className="field__label">{props.label}</Label>
        {props.tag ? <span className="field__tag">{props.tag}</span> : null}
      </div>
      {props.multiline ? (
        <TextArea className={inputClass} placeholder={props.placeholder} rows={6} spellCheck={false} />
      ) : (
        <Input
          className={inputClass}
          placeholder={props.placeholder}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
        />
      )}
      <FieldError className="field__error">{props.error}</FieldError>
      {props.note && !props.error ? (
        <p className="field__note" role="status">
          <InfoIcon size={14} />
          <span>{props.note}</span>
        </p>
      ) : null}
      {props.children}
      {props.help ? (
        <Text slot="description" className="field__help">
          {props.help}
        </Text>
      ) : null}
    </TextField>
  );
}
