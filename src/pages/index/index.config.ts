export default definePageConfig({ navigationBarTitleText: '科技志愿服务' });
