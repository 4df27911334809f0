// The answer under a complaint its handling team may answer: the text, whether to show it to the team complained
// about, and 答复 (sent once). A complaint already answered shows the share switch alone.
// Test classes: complaint-answer-input, complaint-answer-share, complaint-answer-submit, complaint-answer-error, complaint-share.
import { useState } from 'react';
import { Switch, Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import { COMPLAINT_ANSWER_MAX, type ComplaintView } from '@contract/complaint';
import { answerComplaint, shareComplaint } from '../../services/complaint';
import { toCloudError } from '../../services/cloud-error';

export default function AnswerForm({ c, onChanged }: { c: ComplaintView; onChanged: (c: ComplaintView) => void }) {
  const [text, setText] = useState('');
  const [share, setShare] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const run = async (call: () => Promise<{ complaint: ComplaintView }>) => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      onChanged((await call()).complaint);
    } catch (e) {
      setError(toCloudError(e).message);
    } finally {
      setBusy(false);
    }
  };

  if (!c.can.share) return null;
  if (!c.can.answer)
    return (
      <View className='complaint-inbox__share'>
        <Text>告知被投诉队伍</Text>
        <Switch
          className='complaint-share'
          checked={c.shared}
          disabled={busy}
          onChange={(e) => void run(() => shareComplaint(c.complaintId, e.detail.value))}
        />
        {error ? <Text className='complaint-inbox__error complaint-answer-error'>{error}</Text> : null}
      </View>
    );
  return (
    <View className='complaint-inbox__form'>
      <Textarea
        className='field-textarea complaint-inbox__textarea complaint-answer-input'
        maxlength={COMPLAINT_ANSWER_MAX}
        placeholder='答复内容：核实情况、处理结果'
        value={text}
        onInput={(e) => setText(e.detail.value)}
      />
      <View className='complaint-inbox__share'>
        <Text>同时告知被投诉队伍</Text>
        <Switch className='complaint-answer-share' checked={share} onChange={(e) => setShare(e.detail.value)} />
      </View>
      {error ? <Text className='complaint-inbox__error complaint-answer-error'>{error}</Text> : null}
      <Button
        className='complaint-answer-submit'
        type='primary'
        size='small'
        loading={busy}
        disabled={busy || text.trim().length < 2}
        onClick={() => void run(() => answerComplaint({ complaintId: c.complaintId, answer: text, shareWithTeam: share }))}
      >
        答复
      </Button>
    </View>
  );
}
