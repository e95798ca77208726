/** The file of a multipart upload (field `file`); a body that is not multipart is bad input. */
import type { FastifyRequest } from 'fastify';
import { InvalidInput } from '../domain/errors.js';

export async function readUploadedFile(request: FastifyRequest): Promise<{ bytes: Buffer; name?: string }> {
  if (!request.isMultipart())
    throw new InvalidInput([
      {
        field: 'file',
        message: 'send the file as multipart/form-data in the field "file"',
        messageZh: '请以 multipart/form-data 在字段“file”中上传文件',
      },
    ]);
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
    throw new InvalidInput([
      { field: 'file', message: `the multipart body could not be read: ${(error as Error).message}` },
    ]);
  }
  if (!upload)
    throw new InvalidInput([
      { field: 'file', message: 'is required (multipart field "file")', messageZh: '必填（multipart 字段“file”）' },
    ]);
  return upload;
}
