// Client build variables (TARO_APP_*, replaced at build time), read in one place.
export const BACKEND = process.env.TARO_APP_BACKEND;
/** '' on h5 (served by the emulator itself), http://127.0.0.1:8787 on weapp; no trailing slash. */
export const EMULATOR_URL = process.env.TARO_APP_EMULATOR_URL;
export const CLOUD_ENV = process.env.TARO_APP_CLOUD_ENV;
/** The local emulator is the backend: HTTP transport, dev identities. */
export const isEmulator = BACKEND === 'emulator';
/** Subscribe-message template ids by message kind (from MESSAGE_TEMPLATE_* at build time), JSON. */
export const MESSAGE_TEMPLATES = process.env.TARO_APP_MESSAGE_TEMPLATES;
