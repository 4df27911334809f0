// 我的: the volunteer's card, teams and totals, 消息中心 with its unread badge, 我参加的活动; an empty state with a way to
// register; 我的需求 for everyone (a 需求方 need not register), with 消息中心 beside it for one who posted needs
// unregistered; 我的投诉 for whoever complained.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import { Empty } from '../../components/nutui/empty';
import { Skeleton } from '../../components/nutui/skeleton';
import { Tag } from '../../components/nutui/tag';
import DevSwitcher from '../../components/dev-switcher';
import { useMe } from '../../hooks/use-me';
import ElderModeSwitch from './components/elder-mode-switch';
import { regionName } from '../../utils/region';
import { STATUS_TAG } from '../../utils/status-tag';
import { GENDER_LABEL, MEMBERSHIP_STATUS_LABEL, ORG_STATUS_LABEL, ROLE_LABEL } from '@contract/enums';
import { profileCompleteness, type UserMeOutput } from '@contract/user';
import { starsFor } from '@contract/report';
import { starRule, starStanding } from '../../utils/stars';
import ManageSection from './components/manage-section';
import InvitationsEntry from './components/invitations-entry';
import MessagesEntry from './components/messages-entry';
import NeedsEntry from './components/needs-entry';
import ComplaintsEntry from './components/complaints-entry';
import CommendationsEntry from './components/commendations-entry';
import { formatDuration } from '@contract/format';
import { NATIONAL_VOLUNTEER_ID_LABEL } from '@contract/handoff';
import { routes } from '../../routes';
import './index.scss';
import { useRegions } from '../../hooks/use-regions';

const openMyActivities = () => Taro.navigateTo({ url: routes.myActivities() });
const openMyHours = () => Taro.navigateTo({ url: routes.myHours() });
const openMyTrainings = () => Taro.navigateTo({ url: routes.myTrainings() });
const openMyEvaluations = () => Taro.navigateTo({ url: routes.myEvaluations() });
const openCertificate = () => Taro.navigateTo({ url: routes.certificate() });
const openLinks = () => Taro.navigateTo({ url: routes.links() });
const openMyData = () => Taro.navigateTo({ url: routes.myData() });
const openOrg = (orgId: string) => Taro.navigateTo({ url: routes.orgDetail(orgId) });

export default function Mine() {
  const { state, reload } = useMe();

  return (
    <View className='app-page mine'>
      {state.status === 'loading' ? (
        <View className='card mine-loading'>
          <Skeleton rows={4} animated />
        </View>
      ) : null}
      {state.status === 'error' ? (
        <View className='card mine-error'>
          <Empty image={<View className='state-icon is-error'>!</View>} title='加载失败' description={state.message} size='small' />
          <Button className='mine-retry' type='primary' block onClick={reload}>
            重试
          </Button>
        </View>
      ) : null}
      {state.status === 'unregistered' ? (
        <View className='card mine-empty'>
          <Empty
            image={<View className='state-icon'>志</View>}
            title='您还不是科技志愿者'
            description='注册后即可加入志愿服务队伍、报名参加活动'
            size='small'
          />
          <Button className='mine-register' type='primary' block onClick={() => Taro.navigateTo({ url: routes.register() })}>
            立即注册
          </Button>
          <Text className='mine__link mine-activate' onClick={() => Taro.navigateTo({ url: routes.activate() })}>
            已由队伍导入？点此激活
          </Text>
        </View>
      ) : null}
      {state.status === 'ready' ? <Profile data={state.data} /> : null}
      {state.status === 'ready' ? <NeedsEntry /> : null}
      {state.status === 'unregistered' ? <NeedsEntry withMessages /> : null}
      {state.status === 'ready' || state.status === 'unregistered' ? <ComplaintsEntry /> : null}
      <ElderModeSwitch />
      <DevSwitcher onSwitched={reload} />
    </View>
  );
}

/** 资料完整度: what registration left for later, one tap from 编辑资料; gone once complete. */
function Completeness({ volunteer }: { volunteer: UserMeOutput['volunteer'] }) {
  const { percent, missing } = profileCompleteness(volunteer);
  if (missing.length === 0) return null;
  const named = missing.slice(0, 3).join('、') + (missing.length > 3 ? '等' : '');
  return (
    <View className='card mine__completeness'>
      <View className='mine__entry mine-completeness' onClick={() => Taro.navigateTo({ url: routes.profileEdit() })}>
        <Text className='mine__entry-title'>资料完整度 {percent}%</Text>
        <View className='mine__entry-side'>
          <Text className='mine__muted mine-completeness-missing'>补充{named}</Text>
          <Text className='mine__arrow'>›</Text>
        </View>
      </View>
    </View>
  );
}

function Profile({ data }: { data: UserMeOutput }) {
  useRegions();
  const { volunteer, memberships, teamApplications, totals } = data;
  return (
    <View className='mine-profile'>
      <View className='mine__header'>
        <Text className='mine__name mine-name'>{volunteer.realName}</Text>
        <Text className='mine__gender'>{GENDER_LABEL[volunteer.gender]}</Text>
        <Text className='mine__edit mine-edit-profile' onClick={() => Taro.navigateTo({ url: routes.profileEdit() })}>
          编辑资料 ›
        </Text>
        <Stars minutes={totals.minutes} />
      </View>

      <View className='card mine__stats'>
        <View className='mine__stat' onClick={openMyHours}>
          <Text className='mine__stat-value mine-minutes'>{formatDuration(totals.minutes)}</Text>
          <Text className='mine__stat-label'>服务时长</Text>
        </View>
        <View className='mine__stat' onClick={openMyActivities}>
          <Text className='mine__stat-value mine-activities'>{totals.activities} 次</Text>
          <Text className='mine__stat-label'>参加活动</Text>
        </View>
      </View>

      <Completeness volunteer={volunteer} />

      <View className='card mine__messages'>
        <MessagesEntry />
      </View>

      <InvitationsEntry />

      <CommendationsEntry />

      <View className='card mine__my-acts'>
        <View className='mine__entry mine-my-activities' onClick={openMyActivities}>
          <Text className='mine__entry-title'>我参加的活动</Text>
          <View className='mine__entry-side'>
            <Text className='mine__muted'>报名、候补和已参加的活动</Text>
            <Text className='mine__arrow'>›</Text>
          </View>
        </View>
      </View>

      <View className='card mine__hours'>
        <View className='mine__entry mine-hours' onClick={openMyHours}>
          <Text className='mine__entry-title'>我的时长</Text>
          <View className='mine__entry-side'>
            <Text className='mine__muted mine-hours-total'>{formatDuration(totals.minutes)}</Text>
            <Text className='mine__arrow'>›</Text>
          </View>
        </View>
        <View className='mine__entry mine-trainings' onClick={openMyTrainings}>
          <Text className='mine__entry-title'>我的培训</Text>
          <View className='mine__entry-side'>
            <Text className='mine__muted'>培训学时不计入服务时长</Text>
            <Text className='mine__arrow'>›</Text>
          </View>
        </View>
        <View className='mine__entry mine-evaluations' onClick={openMyEvaluations}>
          <Text className='mine__entry-title'>我的评价</Text>
          <View className='mine__entry-side'>
            <Text className='mine__muted'>活动结束后队伍的评价</Text>
            <Text className='mine__arrow'>›</Text>
          </View>
        </View>
      </View>

      <View className='card mine__more'>
        <View className='mine__entry mine-certificate' onClick={openCertificate}>
          <Text className='mine__entry-title'>志愿服务证明</Text>
          <View className='mine__entry-side'>
            <Text className='mine__muted'>由队伍免费出具，可扫码查验</Text>
            <Text className='mine__arrow'>›</Text>
          </View>
        </View>
        <View className='mine__entry mine-my-data' onClick={openMyData}>
          <Text className='mine__entry-title'>我的数据与注销</Text>
          <View className='mine__entry-side'>
            <Text className='mine__muted'>下载本人全部信息和记录</Text>
            <Text className='mine__arrow'>›</Text>
          </View>
        </View>
        <View className='mine__entry mine-links' onClick={openLinks}>
          <Text className='mine__entry-title'>政策文件与链接</Text>
          <View className='mine__entry-side'>
            <Text className='mine__arrow'>›</Text>
          </View>
        </View>
      </View>

      <ManageSection />

      <View className='card mine__info'>
        <Row label='志愿者编号' value={volunteer.volunteerNo} cls='mine-volunteer-no' />
        {volunteer.nationalVolunteerId ? (
          <Row label={NATIONAL_VOLUNTEER_ID_LABEL} value={volunteer.nationalVolunteerId} cls='mine-national-id' />
        ) : null}
        <Row label='手机号' value={volunteer.phoneMasked} cls='mine-phone' />
        <Row label='身份证号' value={volunteer.idNumberMasked} cls='mine-id-number' />
        <Row label='所在地区' value={regionName(volunteer.region)} cls='mine-region' />
        {volunteer.employer ? <Row label='工作单位' value={volunteer.employer} cls='mine-employer' /> : null}
        {volunteer.title ? <Row label='职称' value={volunteer.title} cls='mine-title' /> : null}
        {volunteer.politicalStatus ? <Row label='政治面貌' value={volunteer.politicalStatus} cls='mine-political' /> : null}
        <View className='mine__row'>
          <Text className='mine__row-label'>服务类别</Text>
          <View className='mine__tags mine-categories'>
            {volunteer.serviceCategories.map((c) => (
              <Text key={c} className='chip'>
                {c}
              </Text>
            ))}
          </View>
        </View>
      </View>

      <View className='card mine__orgs'>
        <Text className='mine__section-title'>我的队伍</Text>
        {memberships.length === 0 && teamApplications.length === 0 ? <Text className='mine__muted'>尚未加入志愿服务队伍</Text> : null}
        {memberships.map((m) => (
          <View key={m.orgId} className='mine__org mine-membership' onClick={() => openOrg(m.orgId)}>
            <View className='mine__org-main'>
              <Text className='mine__org-name'>{m.orgName}</Text>
              <Text className='mine__org-role'>{m.status === 'approved' ? ROLE_LABEL[m.role] : '查看队伍'}</Text>
            </View>
            <View className='mine__org-side'>
              <Tag type={STATUS_TAG[m.status]} className='mine-membership-status'>
                {MEMBERSHIP_STATUS_LABEL[m.status]}
              </Tag>
              <Text className='mine__arrow'>›</Text>
            </View>
          </View>
        ))}
        {/* A team the volunteer applied to register: 待审核 until the parent's managers decide; then they lead it. */}
        {teamApplications.map((a) => (
          <View key={a.orgId} className='mine__org mine-team-application' onClick={() => openOrg(a.orgId)}>
            <View className='mine__org-main'>
              <Text className='mine__org-name'>{a.orgName}</Text>
              <Text className='mine__org-role'>队伍注册申请</Text>
            </View>
            <View className='mine__org-side'>
              <Tag type={STATUS_TAG[a.status]} className='mine-team-application-status'>
                {ORG_STATUS_LABEL[a.status]}
              </Tag>
              <Text className='mine__arrow'>›</Text>
            </View>
          </View>
        ))}
        <View className='mine__org-actions'>
          <Button
            className='mine-join-org'
            size='small'
            type='primary'
            fill='outline'
            onClick={() => Taro.navigateTo({ url: routes.orgs() })}
          >
            加入队伍
          </Button>
          <Button className='mine-register-org' size='small' fill='outline' onClick={() => Taro.navigateTo({ url: routes.orgRegister() })}>
            注册队伍
          </Button>
        </View>
      </View>
    </View>
  );
}

/** i志愿's star scale (100/300/600/1000/1500 hours): the stars held, the way to the next one and the rule in words. */
function Stars({ minutes }: { minutes: number }) {
  const stars = starsFor(minutes);
  return (
    <View className='mine__stars mine-stars'>
      <View className='mine__stars-line'>
        <Text className='mine__star-icons'>
          {[1, 2, 3, 4, 5].map((n) => (
            <Text key={n} className={n <= stars ? 'mine__star is-on' : 'mine__star'}>
              {n <= stars ? '★' : '☆'}
            </Text>
          ))}
        </Text>
        <Text className='mine__star-text mine-stars-text'>{starStanding(minutes)}</Text>
      </View>
      <Text className='mine__star-rule mine-stars-rule'>{starRule()}</Text>
    </View>
  );
}

function Row({ label, value, cls }: { label: string; value: string; cls: string }) {
  return (
    <View className='mine__row'>
      <Text className='mine__row-label'>{label}</Text>
      <Text className={`mine__row-value ${cls}`}>{value}</Text>
    </View>
  );
}
