// Production build (taro build): minified; the weapp main package must stay well under WeChat's 2 MB.
import type { UserConfigExport } from '@tarojs/cli';

export default {
  mini: {
    // Taro's terser writes every non-ASCII character as \uXXXX (6 bytes where UTF-8 takes 3): the Chinese of the UI
    // and of the contracts' messages doubled. WeChat reads its packages as UTF-8, so the text is kept as it is.
    terser: { enable: true, config: { output: { ascii_only: false } } },
  },
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
