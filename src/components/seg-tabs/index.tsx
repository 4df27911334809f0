// A row of tabs with optional counts; each tab gets the class `<name>-<key>` for tests.
import { Text, View } from '@tarojs/components';
import './index.scss';

export type SegTab<K extends string> = { key: K; title: string; count?: number };

type Props<K extends string> = { name: string; tabs: SegTab<K>[]; value: K; onChange: (key: K) => void };

export default function SegTabs<K extends string>({ name, tabs, value, onChange }: Props<K>) {
  return (
    <View className={`seg-tabs ${name}`}>
      {tabs.map((t) => (
        <View
          key={t.key}
          className={`seg-tabs__tab ${name}-${t.key}${t.key === value ? ' is-active' : ''}`}
          onClick={() => onChange(t.key)}
        >
          <Text className='seg-tabs__title'>{t.title}</Text>
          {t.count ? <Text className={`seg-tabs__count ${name}-${t.key}-count`}>{t.count > 99 ? '99+' : t.count}</Text> : null}
        </View>
      ))}
    </View>
  );
}
