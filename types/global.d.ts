// Ambient types for the Taro app: asset modules and the TARO_APP_* build variables.
/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** Which backend the app calls: the local emulator over HTTP, or CloudBase via wx.cloud. Default emulator. */
    TARO_APP_BACKEND: 'emulator' | 'cloudbase';
    /** Base URL of the emulator gateway, no trailing slash: '' on h5 (same origin), http://127.0.0.1:8787 on weapp. */
    TARO_APP_EMULATOR_URL: string;
    /** CloudBase environment id passed to Taro.cloud.init when TARO_APP_BACKEND is cloudbase. */
    TARO_APP_CLOUD_ENV: string;
    /** The subscribe-message template ids by message kind, as JSON (config/index.ts from MESSAGE_TEMPLATE_*); '{}' when none. */
    TARO_APP_MESSAGE_TEMPLATES: string;
  }
}
