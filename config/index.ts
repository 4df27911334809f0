// Taro build config for weapp and h5 (webpack5, React, Sass, NutUI at 375 design width).
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');
/** The zod contracts live at the repo root and are compiled into the app like src/. */
const typesDir = path.join(root, 'types');

/** Client variables (TARO_APP_*): the shell wins, then the defaults below; .env files may override. */
function clientEnv(platform: string | undefined): Record<string, string> {
  const backend = process.env.TARO_APP_BACKEND || 'emulator';
  if (backend !== 'emulator' && backend !== 'cloudbase') {
    throw new Error(`TARO_APP_BACKEND must be "emulator" or "cloudbase", got "${backend}"`);
  }
  // h5 is served by the emulator itself, so same origin; the mini program must name the host.
  const emulatorUrl = process.env.TARO_APP_EMULATOR_URL ?? (platform === 'h5' ? '' : 'http://127.0.0.1:8787');
  const cloudEnv = process.env.TARO_APP_CLOUD_ENV || '';
  // The subscribe-message template ids the functions send with (MESSAGE_TEMPLATE_*, one .env for both): the mini
  // program asks the volunteer to accept them when they tap 报名/申请加入/注册队伍.
  const templates: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    const kind = /^MESSAGE_TEMPLATE_([A-Z_]+)$/.exec(key)?.[1];
    if (kind && value) templates[kind.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return {
    TARO_APP_MESSAGE_TEMPLATES: JSON.stringify(JSON.stringify(templates)),
    TARO_APP_BACKEND: JSON.stringify(backend),
    TARO_APP_EMULATOR_URL: JSON.stringify(emulatorUrl.replace(/\/+$/, '')),
    TARO_APP_CLOUD_ENV: JSON.stringify(cloudEnv),
  };
}

export default defineConfig<'webpack5'>(async (merge) => {
  // TARO_OUTPUT_ROOT lets a second build (a parallel test run) write elsewhere than dist/<platform>.
  const outputRoot = process.env.TARO_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`;
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'kjzy-volunteer',
    date: '2026-11-22',
    // NutUI React Taro is drawn at 375; we write our own styles at 375 too (1px = 2rpx).
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    env: clientEnv(process.env.TARO_ENV),
    defineConstants: {},
    // `@contract/x` is types/x, as in tsconfig.json.
    alias: { '@contract': typesDir },
    // The map marker of 活动详情 (WeChat's <map> takes a package path for a marker's icon, not an inlined image).
    copy: { patterns: [{ from: 'src/assets/map-pin.png', to: `${outputRoot}/assets/map-pin.png` }], options: {} },
    // WeChat templates cannot recurse, so base.wxml (in the main package) repeats every component's template once per
    // level of nesting; deeper nodes render through Taro's `comp` component. Taro's 16 levels took 62 KiB, 12 take 51
    // (at 10, the mini program tests no longer see the option sheets' items through `comp`).
    baseLevel: 12,
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [typesDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        // The mini program draws in WeChat's own webviews (iOS 10+ WKWebView, Chromium 53+ on Android), not in the
        // browsers of package.json's browserslist: no -ms- prefixes or old flexbox syntaxes, ≈14 KB of the main package.
        autoprefixer: { enable: true, config: { overrideBrowserslist: ['ios >= 10', 'chrome >= 53'] } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [typesDir] },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
