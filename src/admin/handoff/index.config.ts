export default definePageConfig({ navigationBarTitleText: '对接全国系统' });
