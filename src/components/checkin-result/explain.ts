// Every way a scan can fail, in plain Chinese with what to do next; switched on codes, never on message text.
import { scanWindowText, type CheckinScanOutput } from '@contract/checkin';

/** A wire error, or one the phone raised before sending (LOCATION_DENIED, LOCATION_UNAVAILABLE). */
export type Refusal = { code: string; message: string; details?: unknown };

export type RefusalView = {
  /** Class suffix: ck-result-<key>. */
  key: string;
  title: string;
  message: string;
  tips: string[];
  distance?: { distanceM: number; radiusM: number };
  /** Worth sending the same request again (the network failed). */
  retry: boolean;
  /** The location permission is off: offer the settings. */
  setting: boolean;
  /** Offer 我的签到码 (an admin can sign the volunteer in by scanning it). */
  myCode: boolean;
  /** The scanner is not registered: offer 去注册. */
  register?: boolean;
  again: string;
};

const MY_CODE_TIP = '如已在活动现场仍无法签到，请出示“我的签到码”，由活动管理员扫码为您签到';

function distanceOf(details: unknown): { distanceM: number; radiusM: number } | undefined {
  const d = details as { distanceM?: unknown; radiusM?: unknown } | null | undefined;
  return typeof d?.distanceM === 'number' && typeof d?.radiusM === 'number' ? { distanceM: d.distanceM, radiusM: d.radiusM } : undefined;
}

const isRevoked = (details: unknown) => (details as { revoked?: unknown } | null | undefined)?.revoked === true;

export function explainRefusal(r: Refusal, admin = false): RefusalView {
  const view = explainFor(r, admin);
  // What is written for the volunteer (我的签到码, 去注册) never shows on an admin's screen.
  return admin ? { ...view, tips: view.tips.filter((t) => t !== MY_CODE_TIP), myCode: false, register: false } : view;
}

function explainFor(r: Refusal, admin: boolean): RefusalView {
  const base = {
    key: 'error',
    title: admin ? '操作失败' : '签到失败',
    message: r.message,
    tips: [] as string[],
    retry: false,
    setting: false,
    myCode: false,
    again: '重新扫码',
  };
  switch (r.code) {
    case 'CHECKIN.OUT_OF_RANGE':
      return {
        ...base,
        key: 'out-of-range',
        title: '不在签到范围内',
        distance: distanceOf(r.details),
        tips: [
          '到达活动地点后重新扫码',
          '打开手机定位服务和微信的“精确位置”权限后重试（室内定位可能偏差较大，可到窗边或室外）',
          MY_CODE_TIP,
        ],
        myCode: true,
      };
    case 'LOCATION_DENIED':
      return {
        ...base,
        key: 'location-denied',
        title: '无法获取您的位置',
        message: '签到需要确认您在活动地点附近，请允许使用位置信息。',
        tips: ['在设置中允许使用位置信息，并打开“精确位置”', MY_CODE_TIP],
        setting: true,
        myCode: true,
        again: '重新扫码',
      };
    case 'LOCATION_UNAVAILABLE':
      return {
        ...base,
        key: 'location-failed',
        title: '定位失败',
        message: '暂时无法获取您的位置。',
        tips: ['确认手机已打开定位服务（GPS），到开阔处或窗边后重试', MY_CODE_TIP],
        myCode: true,
      };
    case 'CHECKIN.CODE_EXPIRED':
      return admin
        ? {
            ...base,
            key: 'expired',
            title: '签到码已过期',
            message: '该志愿者的签到码已过期，请志愿者刷新“我的签到码”后重新出示。',
            again: '重新扫码',
          }
        : { ...base, key: 'expired', title: '签到码已过期', tips: ['扫描现场屏幕上最新的二维码（每30秒更新）'] };
    case 'CHECKIN.CODE_INVALID':
      // A code the admins revoked is a real code of this activity: say so, with the server's message under it.
      if (isRevoked(r.details)) return { ...base, key: 'revoked', title: '签到码已作废' };
      return admin
        ? { ...base, key: 'invalid', title: '无法识别', message: '这不是本系统志愿者的个人签到码，请让志愿者打开“我的签到码”。' }
        : {
            ...base,
            key: 'invalid',
            title: '无法识别的签到码',
            tips: ['确认扫描的是本活动现场的签到码或签退码', '输入数字码时，请核对管理员屏幕上最新的6位数字（每5分钟更新）'],
          };
    case 'CHECKIN.TOO_MANY_TRIES':
      return {
        ...base,
        key: 'too-many-tries',
        title: '数字码输错次数过多',
        tips: ['请稍后再输入，或直接扫描现场二维码', MY_CODE_TIP],
        myCode: true,
      };
    case 'CHECKIN.NOT_ENROLLED':
      return admin
        ? { ...base, key: 'not-enrolled', title: '该志愿者未报名', message: '该志愿者没有报名本活动（或仍在候补），不能签到。' }
        : { ...base, key: 'not-enrolled', title: '您没有报名该活动', tips: ['报名成功（不在候补中）后才能签到，请联系活动管理员'] };
    case 'CHECKIN.OUTSIDE_WINDOW':
      return { ...base, key: 'outside-window', title: '不在签到时间内', tips: admin ? [] : [`活动${scanWindowText('起')}`] };
    case 'CHECKIN.NOT_SIGNED_IN':
      return admin
        ? { ...base, key: 'not-signed-in', title: '尚未签到', message: '该志愿者今天还没有签到，请先为其签到，或在名单中补录。' }
        : {
            ...base,
            key: 'not-signed-in',
            title: '您今天还没有签到',
            tips: ['先扫描签到码签到', '如果您到场时忘记签到，可在“我的时长”中申请更正'],
          };
    case 'ACTIVITY.CANCELLED':
      return { ...base, key: 'cancelled', title: '活动已取消' };
    case 'AUTH.FORBIDDEN':
      return {
        ...base,
        key: 'forbidden',
        title: '没有权限',
        message: admin ? '只有本活动所属队伍的负责人和管理员可以为志愿者签到。' : r.message,
      };
    case 'USER.NOT_REGISTERED':
      return { ...base, key: 'unregistered', title: '请先注册', tips: ['注册成为志愿者并报名活动后才能签到'], register: !admin };
    case 'NETWORK':
      // A typed 现场数字码 cannot be kept offline (the server could not tell when it was typed): only a code can.
      if ((r.details as { onsiteNumber?: unknown } | null | undefined)?.onsiteNumber === true)
        return {
          ...base,
          key: 'network',
          title: '网络异常',
          message: '现场数字码需要联网，请扫描签到码',
          tips: ['扫描现场的签到码，无网络时会先离线记录，联网后自动上传', '或在网络恢复后重新提交'],
          retry: true,
        };
      return { ...base, key: 'network', title: '网络异常', message: '网络不稳定，签到结果未确认。请重新提交，不会重复签到。', retry: true };
    default:
      return base;
  }
}

/** The line under a success: to the volunteer about their day; to an admin who scanned a volunteer, about that volunteer. */
export function successMessage(data: CheckinScanOutput & { realName?: string }): string {
  if (data.realName) {
    return data.kind === 'in'
      ? `已为${data.realName}签到。活动结束离开时，请其再次出示个人签到码签退。`
      : `已为${data.realName}签退，当日时长已计入其服务记录。`;
  }
  return data.kind === 'in' ? '活动结束离开时，请再次扫码签退，否则当天时长不计入。' : '感谢您的志愿服务！时长已计入“我的时长”。';
}
