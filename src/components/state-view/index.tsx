// The loading, error and empty states every list and detail page shows, with a stable test class each.
import { View } from '@tarojs/components';
import { Button } from '../nutui/button';
import { Empty } from '../nutui/empty';
import { Skeleton } from '../nutui/skeleton';
import './index.scss';

type Action = { text: string; className: string; onClick: () => void };

type Props =
  | { kind: 'loading'; className: string; rows?: number }
  | { kind: 'error'; className: string; title?: string; message: string; onRetry?: () => void; action?: Action }
  | { kind: 'empty'; className: string; title: string; description?: string; icon?: string; action?: Action };

export default function StateView(props: Props) {
  if (props.kind === 'loading') {
    return (
      <View className={`card state-view ${props.className}`}>
        <Skeleton rows={props.rows ?? 3} animated />
      </View>
    );
  }
  const isError = props.kind === 'error';
  // A drawing in CSS (the mini program renders no inline SVG): an open tray with a sheet rising out of it that bears
  // the page's glyph, over a soft shadow; red with "!" for an error.
  const image = (
    <View className={`state-art${isError ? ' is-error' : ''}`}>
      <View className='state-art__shadow' />
      <View className='state-art__sheet'>
        <View className='state-art__glyph'>{isError ? '!' : (props.icon ?? '空')}</View>
        <View className='state-art__line' />
        <View className='state-art__line is-short' />
      </View>
      <View className='state-art__tray' />
      <View className='state-art__spark is-left' />
      <View className='state-art__spark is-right' />
    </View>
  );
  return (
    <View className={`card state-view ${props.className}`}>
      <Empty
        image={image}
        title={isError ? (props.title ?? '加载失败') : props.title}
        description={isError ? props.message : props.description}
        size='small'
      />
      {isError && props.onRetry ? (
        <Button className={`${props.className}-retry state-view__button`} type='primary' block onClick={props.onRetry}>
          重试
        </Button>
      ) : null}
      {props.action ? (
        <Button
          className={`${props.action.className} state-view__button`}
          type={isError ? 'default' : 'primary'}
          block
          onClick={props.action.onClick}
        >
          {props.action.text}
        </Button>
      ) : null}
    </View>
  );
}
