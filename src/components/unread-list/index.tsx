// A page-long list of things read or unread (消息中心, 通知公告): its loading, error and empty states, an optional head,
// each item as a card with a red dot and `is-unread` until read, and the paging footer.
// Test classes: `<name>-loading`, `<name>-error`, `<name>-empty`, each item's own class (+ `is-unread`), the footer's.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import StateView from '../state-view';
import ListFooter from '../list-footer';
import type { PagedList } from '../../hooks/use-paged-list';
import './index.scss';

type CardProps = {
  /** The item's test class, e.g. `message`. */
  className: string;
  unread: boolean;
  title: ReactNode;
  titleClassName?: string;
  onClick: () => void;
  children?: ReactNode;
};

/** One item: its title row (the dot while unread), then what the page puts under it. */
export function UnreadCard({ className, unread, title, titleClassName, onClick, children }: CardProps) {
  return (
    <View className={`card unread-card ${className}${unread ? ' is-unread' : ''}`} onClick={onClick}>
      <View className='unread-card__title-row'>
        {unread ? <View className='unread-card__dot' /> : null}
        <Text className={`unread-card__title${titleClassName ? ` ${titleClassName}` : ''}`}>{title}</Text>
      </View>
      {children}
    </View>
  );
}

type ListProps<T> = {
  /** The page's name: its block class and the states' test classes. */
  name: string;
  list: PagedList<T>;
  hasMore: boolean;
  onMore: () => void;
  onRetry: () => void;
  empty: { icon: string; title: string; description: string };
  /** Above the items when there are some (counts, 全部已读). */
  head?: ReactNode;
  children: (items: T[]) => ReactNode;
};

export default function UnreadList<T>({ name, list, hasMore, onMore, onRetry, empty, head, children }: ListProps<T>) {
  if (list.status === 'loading') return <StateView kind='loading' className={`${name}-loading`} />;
  if (list.status === 'error') return <StateView kind='error' className={`${name}-error`} message={list.error.message} onRetry={onRetry} />;
  return (
    <View className={`app-page unread-list ${name}`}>
      {list.items.length === 0 ? <StateView kind='empty' className={`${name}-empty`} {...empty} /> : head}
      {children(list.items)}
      <ListFooter name={name} list={list} hasMore={hasMore} onMore={onMore} />
    </View>
  );
}
