// Cloud function need: 供需对接 — 点单 (post), 派单 (dispatch and its choices, close), 接单 (accept, decline, take), 评单 (rate); 现场照片 (addPhoto, removePhoto).
import { makeMain } from '../common/handler';
import { postNeed } from '../common/app/need/post.use-case';
import { addNeedPhoto, removeNeedPhoto } from '../common/app/need/photos.use-case';
import { getNeed, myNeeds, needInbox, needSquare } from '../common/app/need/read.use-case';
import {
  acceptNeed,
  closeNeed,
  declineNeed,
  dispatchNeed,
  dispatchTargets,
  rateNeed,
  setNeedSelfService,
  takeNeed,
} from '../common/app/need/steps.use-case';

export const main = makeMain('need', {
  post: postNeed,
  mine: myNeeds,
  get: getNeed,
  inbox: needInbox,
  square: needSquare,
  dispatch: dispatchNeed,
  dispatchTargets,
  close: closeNeed,
  accept: acceptNeed,
  decline: declineNeed,
  take: takeNeed,
  rate: rateNeed,
  setSelfService: setNeedSelfService,
  addPhoto: addNeedPhoto,
  removePhoto: removeNeedPhoto,
});
