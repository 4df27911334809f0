export default definePageConfig({ navigationBarTitleText: '政策文件与链接' });
