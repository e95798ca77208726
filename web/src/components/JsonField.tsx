import { Alert, Form, Input } from 'antd';
import i18next from 'i18next';
import { useState } from 'react';
import { ApiError, fieldErrorLine } from '../api';

/**
 * Editing a body as JSON (scoring rules, definition criteria): `submit` parses the text and sends
 * it, and `errors` are the lines to list under the field — the JSON's own mistake, or the API's
 * field errors by path; what was typed stays. `busy` names the send under way.
 */
export function useJsonSubmit(invalidJson: (message: string) => string) {
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const submit = async (text: string, send: (value: unknown) => Promise<unknown>, what = 'submit') => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      setErrors([invalidJson((error as Error).message)]);
      return;
    }
    setBusy(what);
    try {
      await send(value);
      setErrors([]);
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
      setErrors(
        fieldErrors.length
          ? fieldErrors.map((e) => fieldErrorLine(e, i18next.language))
          : [error instanceof Error ? error.message : String(error)],
      );
    } finally {
      setBusy(null);
    }
  };
  return { errors, setErrors, busy, submit };
}

/** The JSON text area of a form, with `errors` listed under it under `errorsTitle`. */
export function JsonField({
  name,
  label,
  errorsTitle,
  errors,
  rows,
}: {
  name: string;
  label: string;
  errorsTitle: string;
  errors: readonly string[];
  rows: number;
}) {
  return (
    <Form.Item
      name={name}
      label={label}
      validateStatus={errors.length ? 'error' : undefined}
      help={
        errors.length ? (
          <Alert
            type="error"
            title={errorsTitle}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            }
            style={{ margin: '8px 0' }}
          />
        ) : undefined
      }
    >
      <Input.TextArea rows={rows} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} />
    </Form.Item>
  );
}
