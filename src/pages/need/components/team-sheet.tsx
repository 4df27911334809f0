// The sheet a manager picks a team in: 派单 (every team the need may go to, as a tree indented by depth, with an
// optional note) and 从需求广场接单 (the caller's own teams). Past 12 teams a search box narrows the list by name (each
// match with its parent). The list loads when the sheet opens; a refusal keeps the sheet open with its message.
import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import FormSheet, { SheetLabel, SheetTextarea } from '../../../components/form-sheet';
import StateView from '../../../components/state-view';
import { useResource } from '../../../hooks/use-resource';
import { useSubmit } from '../../../hooks/use-submit';
import { NEED_NOTE_MAX } from '@contract/need';
import { filterTeams, TEAM_SEARCH_OVER, type TeamChoice } from '../helpers';

type Props = {
  visible: boolean;
  title: string;
  subject: string;
  /** The teams to choose among (asked when the sheet opens). */
  load: () => Promise<TeamChoice[]>;
  /** Ask for a note (派单说明). */
  withNote?: boolean;
  confirmText: string;
  onConfirm: (orgId: string, note: string) => Promise<void>;
  onClose: () => void;
};

export default function TeamSheet({ visible, title, subject, load, withNote, confirmText, onConfirm, onClose }: Props) {
  const { state, reload } = useResource(visible ? load : null, [visible], { isEmpty: (teams) => teams.length === 0 });
  const [orgId, setOrgId] = useState('');
  const [note, setNote] = useState('');
  const [keyword, setKeyword] = useState('');
  const { busy, error, setError, submit } = useSubmit();

  useEffect(() => {
    if (!visible) return;
    setOrgId('');
    setNote('');
    setKeyword('');
    setError('');
  }, [visible, setError]);
  // One team: it is the choice.
  useEffect(() => {
    if (state.status === 'ready' && state.data.length === 1) setOrgId(state.data[0]._id);
  }, [state]);

  const confirm = () => {
    if (!orgId) return setError('请选择队伍');
    if (note.trim().length > NEED_NOTE_MAX) return setError(`说明最多${NEED_NOTE_MAX}字`);
    return submit(() => onConfirm(orgId, note.trim()));
  };

  return (
    <FormSheet
      visible={visible}
      title={title}
      subject={subject}
      onClose={onClose}
      error={error}
      errorClass='need-team-error'
      confirm={{ text: confirmText, className: 'need-team-confirm', busy, onClick: confirm }}
      cancelClass='need-team-cancel'
    >
      {state.status === 'loading' ? <StateView kind='loading' className='need-teams-loading' rows={2} /> : null}
      {state.status === 'error' ? (
        <StateView kind='error' className='need-teams-error' message={state.error.message} onRetry={reload} />
      ) : null}
      {state.status === 'empty' ? <Text className='need-team-sheet__muted need-teams-empty'>没有可选择的队伍</Text> : null}
      {state.status === 'ready' ? (
        <TeamList
          teams={state.data}
          keyword={keyword}
          onKeyword={setKeyword}
          chosen={orgId}
          onChoose={(id) => {
            setOrgId(id);
            setError('');
          }}
        />
      ) : null}
      {withNote ? (
        <>
          <SheetLabel>派单说明（选填）</SheetLabel>
          <SheetTextarea
            className='need-dispatch-note'
            max={NEED_NOTE_MAX}
            placeholder='如：请于本周内联系需求方'
            value={note}
            onInput={(text) => {
              setNote(text);
              setError('');
            }}
          />
        </>
      ) : null}
    </FormSheet>
  );
}

type ListProps = {
  teams: TeamChoice[];
  keyword: string;
  onKeyword: (k: string) => void;
  chosen: string;
  onChoose: (orgId: string) => void;
};

/** The teams, indented by depth; past 12 a search box, whose matches show their parent instead. */
function TeamList({ teams, keyword, onKeyword, chosen, onChoose }: ListProps) {
  const searchable = teams.length > TEAM_SEARCH_OVER;
  const searching = searchable && keyword.trim() !== '';
  const shown = searching ? filterTeams(teams, keyword) : teams;
  return (
    <>
      {searchable ? (
        <Input
          className='need-team-sheet__search need-team-search'
          placeholder={`在${teams.length}支队伍中搜索名称`}
          value={keyword}
          maxlength={40}
          onInput={(e) => onKeyword(e.detail.value)}
        />
      ) : null}
      <View className='need-team-sheet__list'>
        {shown.map((t) => (
          <View
            key={t._id}
            className={`need-team-sheet__team need-team-option is-depth-${searching ? 0 : Math.min(t.depth ?? 0, 5)}${t._id === chosen ? ' is-active' : ''}`}
            onClick={() => onChoose(t._id)}
          >
            <View className='need-team-sheet__main'>
              <Text className='need-team-sheet__name'>{t.name}</Text>
              {searching && t.parentName ? <Text className='need-team-sheet__parent need-team-parent'>上级：{t.parentName}</Text> : null}
            </View>
            <Text className='need-team-sheet__check'>{t._id === chosen ? '✓' : ''}</Text>
          </View>
        ))}
        {shown.length === 0 ? (
          <Text className='need-team-sheet__muted need-teams-no-match'>没有名称包含“{keyword.trim()}”的队伍</Text>
        ) : null}
      </View>
    </>
  );
}
