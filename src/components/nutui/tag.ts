// NutUI's Tag with its CSS.
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';

export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag';
