// NutUI's Skeleton with its CSS.
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css';

export { default as Skeleton } from '@nutui/nutui-react-taro/dist/es/packages/skeleton';
