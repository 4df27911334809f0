// NutUI's Checkbox with its CSS (and of the icons it draws).
import '@nutui/icons-react-taro/dist/style_icon.css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';

export { default as Checkbox } from '@nutui/nutui-react-taro/dist/es/packages/checkbox';
