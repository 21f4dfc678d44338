import { AppButton } from '../../components/AppButton';
import { FormField } from '../../components/FormField';
import { KeyIcon } from '../../components/Icons';
import { FIELD_HELP } from './field-help';

/**
 * The Client Secret is write-only. When one is stored, the form says so and offers "Replace", which
 * reveals an empty password field; the stored secret is never fetched, shown or sent back.
 */
export function SecretField({
  hasStoredSecret,
  isReplacing,
  onReplace,
  onKeep,
  value,
  onChange,
  onBlur,
  error,
  note,
}: {
  hasStoredSecret: boolean;
  isReplacing: boolean;
  onReplace(): void;
  onKeep(): void;
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  error: string | undefined;
  note: string | undefined;
}) {
  if (hasStoredSecret && !isReplacing) {
    return (
      <div className="field">
        <div className="field__label-row">
          <span className="field__label" id="client-secret-label">
            Client Secret
          </span>
        </div>
        <div className="stored-secret">
          <span className="stored-secret__status">
            <KeyIcon size={15} />
            Stored in keychain
          </span>
          <AppButton variant="secondary" size="small" onPress={onReplace}>
            Replace
          </AppButton>
        </div>
        <p className="field__help">{FIELD_HELP.clientSecret}</p>
      </div>
    );
  }
  return (
    <FormField
      label="Client Secret"
      type="password"
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      error={error}
      note={note}
      help={FIELD_HELP.clientSecret}
      name="client-secret"
      autoFocus={isReplacing}
      placeholder={hasStoredSecret ? 'Paste the new secret' : 'Paste the secret from Halo'}
    >
      {hasStoredSecret ? (
        <div className="field__aside">
          <AppButton variant="quiet" size="small" onPress={onKeep}>
            Keep the stored secret
          </AppButton>
        </div>
      ) : null}
    </FormField>
  );
}
