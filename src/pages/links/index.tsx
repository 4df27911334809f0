// 政策文件与链接: the rules behind the service (what they say in a line, where their text is published), the
// official sites, and 证明查验. A mini program cannot open outside web pages, so on weapp a tap copies the address.
// Test classes: links-doc (one per document), links-site (one per site), links-verify.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { POLICY_DOCS, SITE_LINKS } from './links';
import { routes } from '../../routes';
import './index.scss';

function openUrl(url: string) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  Taro.setClipboardData({ data: url }).then(
    () => Taro.showToast({ title: '链接已复制，请在浏览器中打开', icon: 'none', duration: 2500 }),
    () => Taro.showToast({ title: '复制失败，请稍后再试', icon: 'none' }),
  );
}

export default function Links() {
  return (
    <View className='app-page links'>
      <View className='card links__section'>
        <Text className='links__section-title'>政策文件</Text>
        {POLICY_DOCS.map((d) => (
          <View key={d.title} className='links__item links-doc' onClick={() => openUrl(d.site)}>
            <Text className='links__title'>《{d.title}》</Text>
            <Text className='links__issuer'>{d.issuer}</Text>
            <Text className='links__note'>{d.note}</Text>
          </View>
        ))}
      </View>

      <View className='card links__section'>
        <Text className='links__section-title'>友情链接</Text>
        {SITE_LINKS.map((s) => (
          <View key={s.url} className='links__site links-site' onClick={() => openUrl(s.url)}>
            <View className='links__site-main'>
              <Text className='links__title'>{s.name}</Text>
              <Text className='links__note'>{s.note}</Text>
            </View>
            <Text className='links__arrow'>›</Text>
          </View>
        ))}
      </View>

      <View className='card links__section'>
        <View className='links__site links-verify' onClick={() => Taro.navigateTo({ url: routes.verify() })}>
          <View className='links__site-main'>
            <Text className='links__title'>志愿服务证明查验</Text>
            <Text className='links__note'>输入证明编号，查验证明是否真实有效</Text>
          </View>
          <Text className='links__arrow'>›</Text>
        </View>
      </View>
    </View>
  );
}
