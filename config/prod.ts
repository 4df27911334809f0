// Production build (taro build): minified; the weapp main package must stay well under WeChat's 2 MB.
import type { UserConfigExport } from '@tarojs/cli';

export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
