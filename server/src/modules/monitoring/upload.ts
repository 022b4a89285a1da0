// The one uploaded file of a multipart/form-data import request, with the same refusals as the
// organisation import.
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../http/api-error.ts';

export async function readUpload(req: FastifyRequest): Promise<{ fileName: string; file: Buffer }> {
  if (!req.isMultipart())
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', [
      {
        field: 'file',
        message: '请以 multipart/form-data 上传文件',
        messageEn: 'Upload the file as multipart/form-data',
      },
    ]);
  const part = await req.file();
  if (!part || part.fieldname !== 'file')
    throw new ApiError('VALIDATION_FAILED', [
      { field: 'file', message: '请选择要导入的文件', messageEn: 'Choose a file to import' },
    ]);
  return { fileName: part.filename || 'upload', file: await part.toBuffer() };
}
