import { useState } from 'react';
import { FileTrigger, InputContext } from 'react-aria-components';
import { AppButton } from '../../components/AppButton';
import { FormField } from '../../components/FormField';
import { FileIcon } from '../../components/Icons';
import { FIELD_HELP } from './field-help';

/** Reads a chosen file as text; certificates are small, so reading it whole is fine. */
function readAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

/**
 * The private CA of an on-premise server: paste the PEM, or pick the file (react-aria's FileTrigger
 * wraps a hidden <input type="file">; FileReader reads it locally, nothing is uploaded anywhere).
 */
export function CaCertificateField({
  value,
  onChange,
  onBlur,
  error,
  note,
}: {
  value: string;
  onChange(value: string): void;
  onBlur(text?: string): void;
  error: string | undefined;
  note: string | undefined;
}) {
  const [readError, setReadError] = useState<string | undefined>();
  const [fileName, setFileName] = useState<string | undefined>();
  return (
    <FormField
      label="Private CA certificate (PEM)"
      tag="Optional"
      multiline
      monospace
      value={value}
      onChange={(text) => {
        setFileName(undefined);
        onChange(text);
      }}
      onBlur={() => onBlur()}
      error={error ?? readError}
      note={note}
      help={FIELD_HELP.caCertificatePem}
      placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
      name="ca-certificate"
    >
      <div className="field__aside">
        {/* FileTrigger renders a react-aria Input: cut it off from the TextField's input context, or it
            would become a second copy of the text field (and have a text value forced onto a file input). */}
        <InputContext.Provider value={null}>
          <FileTrigger
            acceptedFileTypes={['.pem', '.crt', '.cer', '.txt', 'application/x-pem-file', 'text/plain']}
            onSelect={async (files) => {
              const file = files?.[0];
              if (!file) return;
              try {
                const text = await readAsText(file);
                setReadError(undefined);
                setFileName(file.name);
                onChange(text);
                onBlur(text);
              } catch {
                setReadError(
                  `${file.name} could not be read. Open it in a text editor and paste its contents instead.`,
                );
              }
            }}
          >
            <AppButton variant="secondary" size="small">
              <FileIcon size={14} />
              Choose file…
            </AppButton>
          </FileTrigger>
        </InputContext.Provider>
        {fileName ? <span className="field__file-name">Loaded {fileName}</span> : null}
      </div>
    </FormField>
  );
}
