// 表彰审核: the commendations the teams below recorded (and, for the root, its own), waiting for the caller's team to
// approve or reject them with a reason; never one the caller recorded or that concerns them or a team they manage.
// Test classes: commendation-inbox-item (-subject, -title, -meta), commendation-approve, commendation-reject,
// commendation-inbox-loading, commendation-inbox-error, commendation-inbox-empty; the reject sheet's reason-* classes.
import { Image, Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import StateView from '../../components/state-view';
import ReasonSheet from '../../components/form-sheet/reason-sheet';
import { useResource } from '../../hooks/use-resource';
import { useReview } from '../../hooks/use-review';
import { commendationInbox, reviewCommendation } from '../../services/commendation';
import { COMMENDATION_LEVEL_LABEL, COMMENDATION_SUBJECT_LABEL, type Commendation } from '@contract/commendation';
import './index.scss';

export default function CommendationInbox() {
  const { state, reload } = useResource(commendationInbox, [], { isEmpty: (d) => d.items.length === 0, when: 'show', keepOnShow: true });
  const { busyId, rejecting, setRejecting, approve, reject } = useReview<Commendation>(
    (c) => c.commendationId,
    (c, decision, reason) => reviewCommendation({ commendationId: c.commendationId, decision, ...(reason ? { reason } : {}) }),
    reload,
  );
  const approveOne = (c: Commendation) =>
    approve(c, { title: '通过表彰', content: `通过后，${c.subjectName}的“${c.title}”将计入其志愿服务记录并公开显示。` });

  return (
    <View className='app-page commendation-inbox'>
      {state.status === 'loading' ? <StateView kind='loading' className='commendation-inbox-loading' rows={3} /> : null}
      {state.status === 'error' ? (
        <StateView kind='error' className='commendation-inbox-error' message={state.error.message} onRetry={reload} />
      ) : null}
      {state.status === 'empty' ? (
        <StateView
          kind='empty'
          className='commendation-inbox-empty'
          icon='奖'
          title='暂无待审核的表彰'
          description='下级队伍记录的表彰会出现在这里'
        />
      ) : null}
      {state.status === 'ready'
        ? state.data.items.map((c) => (
            <View key={c.commendationId} className='card commendation-inbox__item commendation-inbox-item'>
              <Text className='commendation-inbox__subject commendation-inbox-subject'>
                {COMMENDATION_SUBJECT_LABEL[c.subjectKind]}：{c.subjectName}
              </Text>
              <Text className='commendation-inbox__title commendation-inbox-title'>
                {COMMENDATION_LEVEL_LABEL[c.level]} · {c.title}
              </Text>
              <Text className='commendation-inbox__muted commendation-inbox-meta'>
                {c.issuer} · {c.date} · {c.orgName}记录
              </Text>
              {c.documentUrl ? <Image className='commendation-inbox__doc' src={c.documentUrl} mode='aspectFit' /> : null}
              <View className='commendation-inbox__actions'>
                <Button className='commendation-reject' size='small' disabled={busyId === c.commendationId} onClick={() => setRejecting(c)}>
                  驳回
                </Button>
                <Button
                  className='commendation-approve'
                  type='primary'
                  size='small'
                  loading={busyId === c.commendationId}
                  disabled={busyId === c.commendationId}
                  onClick={() => approveOne(c)}
                >
                  通过
                </Button>
              </View>
            </View>
          ))
        : null}
      <ReasonSheet
        visible={rejecting !== null}
        title='驳回表彰'
        subject={rejecting ? `驳回 ${rejecting.subjectName} 的“${rejecting.title}”` : ''}
        placeholder='请填写驳回原因，记录人会看到'
        confirmText='确认驳回'
        onConfirm={reject}
        onClose={() => setRejecting(null)}
      />
    </View>
  );
}
