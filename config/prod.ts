// Production build (taro build): minified; the weapp main package must stay well under WeChat's 2 MB.
import type { UserConfigExport } from '@tarojs/cli';

export default {
  // Taro's terser writes every non-ASCII character of the mini program as \uXXXX (6 bytes where UTF-8 takes 3): the
  // Chinese of the UI and of the contracts' messages doubled. WeChat reads its packages as UTF-8, so the text is kept
  // as it is (the h5 build keeps Taro's default).
  ...(process.env.TARO_ENV === 'weapp' ? { terser: { enable: true, config: { output: { ascii_only: false } } } } : {}),
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
