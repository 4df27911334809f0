// The bottom of an infinitely scrolled list: loading more, a retry after a failed page, 加载更多, or the end.
// Classes `<name>-loading-more`, `<name>-more-error`, `<name>-more`, `<name>-end` for tests.
import { Text, View } from '@tarojs/components';
import type { PagedList } from '../../hooks/use-paged-list';
import './index.scss';

type Props<T> = { name: string; list: PagedList<T>; hasMore: boolean; onMore: () => void; endText?: string };

export default function ListFooter<T>({ name, list, hasMore, onMore, endText = '没有更多了' }: Props<T>) {
  if (list.status !== 'ready' || list.items.length === 0) return null;
  return (
    <View className='list-footer'>
      {list.loadingMore ? <Text className={`${name}-loading-more`}>正在加载…</Text> : null}
      {!list.loadingMore && list.moreError ? (
        <Text className={`list-footer__error ${name}-more-error`} onClick={onMore}>
          {list.moreError}，点击重试
        </Text>
      ) : null}
      {!list.loadingMore && !list.moreError && hasMore ? (
        <Text className={`list-footer__more ${name}-more`} onClick={onMore}>
          加载更多
        </Text>
      ) : null}
      {!hasMore ? <Text className={`${name}-end`}>{endText}</Text> : null}
    </View>
  );
}
