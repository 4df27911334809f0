// One 身份核验 appeal as the root admins decide it: the appellant and the account holding the number, each with the
// phone to call, the masked number, the statement; the decision and its reason once made.
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import { Tag } from '../../components/nutui/tag';
import { APPEAL_STATUS_LABEL, type AppealForReview } from '@contract/user';
import { dateTimeOf } from '@contract/time';

const TAG = { pending: 'warning', upheld: 'success', rejected: 'danger' } as const;
const LABEL = { ...APPEAL_STATUS_LABEL, upheld: '已核实' };

type Props = { item: AppealForReview; busy: boolean; onUphold: () => void; onReject: () => void };

export default function AppealCard({ item, busy, onUphold, onReject }: Props) {
  const h = item.holder;
  return (
    <View className='card appeal-card id-appeal-item'>
      <View className='appeal-card__head'>
        <Text className='appeal-card__title id-appeal-number'>{item.idNumberMasked}</Text>
        <Tag type={TAG[item.status]} className='id-appeal-status'>
          {LABEL[item.status]}
        </Tag>
      </View>
      <View className='appeal-card__grid'>
        <Text className='appeal-card__label'>申请人</Text>
        <Text className='appeal-card__value id-appeal-appellant'>
          {item.realName} {item.appellantPhone}
        </Text>
        <Text className='appeal-card__label'>已注册账号</Text>
        <Text className='appeal-card__value id-appeal-holder'>
          {h ? `${h.realName} ${h.phone}（${h.volunteerNo}，${dateTimeOf(h.registeredAt)}注册）` : '已注销或已释放'}
        </Text>
        <Text className='appeal-card__label'>情况说明</Text>
        <Text className='appeal-card__value id-appeal-statement'>{item.statement}</Text>
      </View>
      <Text className='appeal-card__time'>提交于 {dateTimeOf(item.createdAt)}</Text>
      {item.status !== 'pending' ? (
        <Text className='appeal-card__reason id-appeal-reason'>
          {item.decidedByName ? `${item.decidedByName} ` : ''}
          {item.decidedAt ? `${dateTimeOf(item.decidedAt)} ` : ''}处理：{item.reason}
        </Text>
      ) : (
        <View className='appeal-card__buttons'>
          <Button className='id-appeal-reject' size='small' disabled={busy} onClick={onReject}>
            驳回
          </Button>
          <Button className='id-appeal-uphold' size='small' type='primary' disabled={busy} onClick={onUphold}>
            核实属实
          </Button>
        </View>
      )}
    </View>
  );
}
