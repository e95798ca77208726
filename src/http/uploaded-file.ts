/** The file of a multipart upload (field `file`); a body that is not multipart is bad input. */
import type { FastifyRequest } from 'fastify';
import { type FieldError, InvalidInput } from '../domain/errors.js';

/** The upload field errors every multipart route words the same way. */
export const uploadErrors = {
  notMultipart: {
    field: 'file',
    message: 'send the file as multipart/form-data in the field "file"',
    messageZh: '请以 multipart/form-data 在字段“file”中上传文件',
  },
  missing: {
    field: 'file',
    message: 'is required (multipart field "file")',
    messageZh: '必填（multipart 字段“file”）',
  },
  unreadable: (error: unknown): FieldError => ({
    field: 'file',
    message: `the multipart body could not be read: ${(error as Error).message}`,
    messageZh: `无法读取上传的 multipart 内容：${(error as Error).message}`,
  }),
} satisfies Record<string, FieldError | ((error: unknown) => FieldError)>;

export async function readUploadedFile(request: FastifyRequest): Promise<{ bytes: Buffer; name?: string }> {
  if (!request.isMultipart()) throw new InvalidInput([uploadErrors.notMultipart]);
  let upload: { bytes: Buffer; name?: string } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file') upload = { bytes, name: part.filename };
    }
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) throw error; // 413 stays 413
    throw new InvalidInput([uploadErrors.unreadable(error)]);
  }
  if (!upload) throw new InvalidInput([uploadErrors.missing]);
  return upload;
}
