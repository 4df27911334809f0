// Chooses the adapters for this environment.
import { env } from '../env';
import { now } from '../clock';
import { keepMessage } from '../db/message.repository';
import type { SmsSender } from '../ports/sms-sender';
import type { MessageSender } from '../ports/message-sender';
import type { WxacodeMaker } from '../ports/wxacode-maker';
import type { WxPhoneReader } from '../ports/wx-phone-reader';
import type { FileStorage } from '../ports/file-storage';
import { cloudbaseFileStorage } from './file-storage-cloudbase';
import { outboxSmsSender } from './sms-outbox';
import { tencentSmsSender } from './sms-tencent';
import { outboxMessageSender } from './message-outbox';
import { wechatMessageSender } from './message-wechat';
import { localWxacodeMaker } from './wxacode-local';
import { wechatWxacodeMaker } from './wxacode-wechat';
import { devWxPhoneReader } from './wx-phone-dev';
import { wechatWxPhoneReader } from './wx-phone-wechat';

export function smsSender(): SmsSender {
  return env().SMS_PROVIDER === 'tencentcloud' ? tencentSmsSender : outboxSmsSender;
}

export function wxPhoneReader(): WxPhoneReader {
  return env().WX_PHONE_PROVIDER === 'wechat' ? wechatWxPhoneReader : devWxPhoneReader;
}

/**
 * Every notice is kept in the addressee's 消息中心 first, then sent as a subscribe message (which may fail: nobody
 * subscribed, or the one-time permission is used up); the kept copy stays either way.
 */
export function messageSender(): MessageSender {
  const sender = env().MESSAGE_PROVIDER === 'wechat' ? wechatMessageSender : outboxMessageSender;
  return {
    async send(message) {
      const { openid, kind, title, body, page } = message;
      try {
        await keepMessage({ openid, kind, title, body, ...(page ? { page } : {}), createdAt: now() });
      } catch (err) {
        console.error(`[message] ${kind} to ${openid} not kept in 消息中心`, err);
      }
      await sender.send(message);
    },
  };
}

// A static code's scene is the same on every call: its image is made once per warm instance (one WeChat call, or one
// PNG render), not every time an admin opens the poster. Failed makes are not kept.
const images = new Map<string, Promise<Buffer>>();
const MAX_IMAGES = 200;

export function wxacodeMaker(): WxacodeMaker {
  const maker = env().WXACODE_PROVIDER === 'wechat' ? wechatWxacodeMaker : localWxacodeMaker;
  return {
    png(request) {
      const key = `${request.page}?${request.scene}`;
      const hit = images.get(key);
      if (hit) return hit;
      if (images.size >= MAX_IMAGES) images.clear();
      const made = maker.png(request);
      images.set(key, made);
      made.catch(() => images.delete(key));
      return made;
    },
  };
}

/** Cloud storage: the SDK's own calls, which the emulator answers like CloudBase. */
export function fileStorage(): FileStorage {
  return cloudbaseFileStorage;
}
