// A picture the phone sent (activity photo, notice image), decoded and judged (domain/photo), or the coded refusal.
import type { PhotoType } from '@contract/photo';
import { PHOTO_MAX_BASE64 } from '@contract/photo';
import { AppError, ErrorCode } from '../errors';
import { EXTENSION, judgePhoto } from '../domain/photo';

export interface AcceptedPicture {
  bytes: Buffer;
  type: PhotoType;
  extension: string;
}

export function acceptedPicture(input: { contentType: PhotoType; dataBase64: string }): AcceptedPicture {
  // Too long to be 1 MB: refused before anything is decoded.
  if (input.dataBase64.length > PHOTO_MAX_BASE64) throw new AppError(ErrorCode.FILE_TOO_LARGE);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const verdict = judgePhoto(input.contentType, bytes);
  if (verdict.ok) return { bytes, type: verdict.type, extension: EXTENSION[verdict.type] };
  if (verdict.problem === 'tooLarge') throw new AppError(ErrorCode.FILE_TOO_LARGE);
  if (verdict.problem === 'typeMismatch')
    throw new AppError(ErrorCode.FILE_BAD_TYPE, '图片内容与声明的格式不符，请重新选择图片', {
      declared: input.contentType,
      actual: verdict.actual,
    });
  throw new AppError(ErrorCode.FILE_BAD_TYPE);
}
