// Storing a photo (API.md POST /api/files): the declared type must be one we take and the bytes must decode
// as exactly that type; then it is decoded and encoded again by sharp (turned upright by its EXIF
// orientation, all metadata — EXIF, GPS, XMP — dropped), a thumbnail made (preparePhoto, before any
// transaction: decoding never holds a connection), and both kept in PostgreSQL (the storePhoto command).
// Hostile files (QUALITY.md) are refused with a code and nothing is stored.
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { files } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { DomainError } from '../core/errors.js';
import { actorName } from '../audit/log.js';
import { command } from '../core/command.js';

export const maxPhotoBytes = 10 * 1024 * 1024;
/** More pixels than this decoded is a decompression bomb, however small the file (QUALITY.md: 50 megapixels). */
export const maxPixels = 50_000_000;
const accepted = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const;
type Accepted = keyof typeof accepted;
const thumbWidth = 480;

const invalidImage = (why: string) => new DomainError(422, 'invalid_image', `图片无法读取：${why} / the bytes are not a valid image of the declared type`);

export function acceptedType(contentType: string | undefined): Accepted {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type in accepted) return type as Accepted;
  const heic = type === 'image/heic' || type === 'image/heif';
  throw new DomainError(415, 'unsupported_media_type', heic
    ? '暂不支持 HEIC 格式，请在手机设置中选择“兼容性最佳”或上传 JPEG / HEIC is not accepted: please send a JPEG'
    : '只接受 JPEG、PNG 或 WebP 图片 / only image/jpeg, image/png or image/webp');
}

/** A photo checked and encoded again, ready to be stored. */
export interface PreparedPhoto {
  mime: Accepted;
  width: number;
  height: number;
  data: Buffer;
  thumb: Buffer;
}

/** Checks the bytes are an image of the declared type and makes the stored copy and its thumbnail (413, 422). */
export async function preparePhoto(type: Accepted, bytes: Uint8Array): Promise<PreparedPhoto> {
  if (bytes.length === 0) throw invalidImage('空文件 / empty');
  if (bytes.length > maxPhotoBytes) throw new DomainError(413, 'payload_too_large', '图片不能超过 10 MB / at most 10 MB');
  const options = { limitInputPixels: maxPixels, failOn: 'error' as const, sequentialRead: true };
  let meta: Metadata;
  try {
    // The header alone (no pixels decoded): enough to tell the format and the size of a bomb.
    meta = await sharp(bytes, { limitInputPixels: false, failOn: 'error' }).metadata();
  } catch {
    throw invalidImage('不是图片 / not an image');
  }
  // The bytes must be the type the client declared: a PNG sent as image/jpeg, an SVG or HTML page sent as
  // an image, are refused rather than guessed.
  if (meta.format !== accepted[type]) throw invalidImage(`内容是 ${meta.format ?? '未知'} / the bytes are ${meta.format ?? 'unknown'}`);
  if (!meta.width || !meta.height) throw invalidImage('没有尺寸 / no size');
  if (meta.width * meta.height > maxPixels) throw new DomainError(422, 'image_too_large', '图片像素过多（超过 5000 万） / more than 50 megapixels');
  let out: { data: Buffer; info: OutputInfo };
  let thumb: Buffer;
  try {
    // rotate(): upright by the EXIF orientation; sharp writes no metadata unless asked (keepMetadata).
    const upright = sharp(bytes, options).rotate();
    const encoded = type === 'image/png' ? upright.png() : type === 'image/webp' ? upright.webp({ quality: 85 }) : upright.jpeg({ quality: 85 });
    out = await encoded.toBuffer({ resolveWithObject: true });
    thumb = await sharp(out.data).resize({ width: thumbWidth, withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
  } catch {
    // truncated or corrupt past the header: the decoder fails on the pixels
    throw invalidImage('文件不完整或已损坏 / truncated or corrupt');
  }
  return { mime: type, width: out.info.width, height: out.info.height, data: out.data, thumb };
}

/**
 * storePhoto: keeps a prepared photo. Staff, departments and members upload (a big screen may not); the
 * scope is the uploader's own body (a deployment-wide admin: none). No public page changes: a photo is on
 * no page until a report, an inspection or a rectification names it.
 */
export const storePhoto = command<PreparedPhoto>()({
  action: 'file.uploaded', stage: 'implementation', roles: ['admin', 'presider', 'department', 'member'],
  scope: async (cx) => ({ bodyId: cx.actor.bodyId }),
  run: async (cx, photo) => {
    const id = newId();
    const sha256 = createHash('sha256').update(photo.data).digest('hex');
    await cx.tx.insert(files).values({
      id, mime: photo.mime, width: photo.width, height: photo.height, size: photo.data.length, sha256, bytes: photo.data,
      thumbMime: 'image/webp', thumb: photo.thumb, uploadedBy: actorName(cx.actor),
    });
    return { id, url: `/api/files/${id}`, thumbUrl: `/api/files/${id}/thumb`, width: photo.width, height: photo.height };
  },
  audit: (out, photo) => ({ subject: { kind: 'file', id: out.id, label: null }, detail: { mime: photo.mime, width: out.width, height: out.height, size: photo.data.length } }),
});
