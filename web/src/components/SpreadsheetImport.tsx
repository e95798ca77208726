import { useMutation } from '@tanstack/react-query';
import { Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { api } from '../api';
import { SpreadsheetUpload } from './SpreadsheetUpload';

/**
 * An import section (history, spend): its title and hint, the button that posts a CSV or XLSX
 * file as multipart (`fields`, then the file as `file`) to `path`, and the answer shown as a status.
 */
export function SpreadsheetImport<Result>({
  titleId,
  title,
  level,
  style,
  hint,
  button,
  path,
  fields = {},
  onImported,
  children,
}: {
  titleId: string;
  title: string;
  level: 3 | 4;
  style?: CSSProperties;
  hint: string;
  button: string;
  path: string;
  fields?: Record<string, string>;
  onImported?: () => void;
  /** What the answer of an import says. */
  children(result: Result): ReactNode;
}) {
  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      for (const [name, value] of Object.entries(fields)) body.append(name, value);
      body.append('file', file);
      return api<Result>('POST', path, body);
    },
    onSuccess: () => onImported?.(),
  });
  const result = upload.data;
  return (
    <section aria-labelledby={titleId} style={style}>
      <Typography.Title level={level} id={titleId}>
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <SpreadsheetUpload
        label={button}
        pending={upload.isPending}
        error={upload.error}
        onFile={(file) => upload.mutate(file)}
      />
      {result ? (
        <div role="status" style={{ marginTop: 12 }}>
          {children(result)}
        </div>
      ) : null}
    </section>
  );
}
