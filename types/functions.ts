// The map function.action -> {input, output}: it types the client and validates both ends.
import { z } from 'zod';
import { Empty } from './common';
import { SmsSendInput, SmsSendOutput } from './sms';
import { UnreadOutput, UserMessagesInput, UserMessagesOutput, UserReadMessagesInput } from './message';
import {
  DecideIdentityAppealInput,
  DecideIdentityAppealOutput,
  IdentityAppealsInput,
  IdentityAppealsOutput,
  UserActivateInput,
  UserAppealIdentityInput,
  UserAppealOutput,
  UserChangePhoneInput,
  UserMeOutput,
  UserMyAppealsOutput,
  UserMyDataOutput,
  UserRegisterInput,
  UserRegisterOutput,
  UserUpdateProfileInput,
  UserWithdrawInput,
  UserWithdrawOutput,
  VolunteerOutput,
} from './user';
import { UserHomeOutput } from './home';
import {
  OrgNoticeInput,
  OrgNoticeOutput,
  OrgNoticesInput,
  OrgNoticesOutput,
  OrgPublishNoticeInput,
  OrgPublishNoticeOutput,
} from './notice';
import {
  OrgBootstrapRootInput,
  OrgBootstrapRootOutput,
  OrgGetOutput,
  OrgIdInput,
  OrgInboxOutput,
  OrgManagedOutput,
  OrgMembersInput,
  OrgMembersOutput,
  OrgOutput,
  OrgRegisterInput,
  OrgRemoveMemberInput,
  OrgReviewInput,
  OrgReviewMemberInput,
  OrgSearchInput,
  OrgSearchOutput,
  OrgSetRoleInput,
  MembershipOutput,
  OrgImportVolunteersInput,
  OrgImportVolunteersOutput,
  FileOutput,
  OrgInvitationsOutput,
  OrgAnswerInvitationInput,
  OrgAnswerInvitationOutput,
} from './org';
import {
  ActivityCancelInput,
  ActivityEnrollmentsInput,
  ActivityEnrollmentsOutput,
  ActivityGetOutput,
  ActivityIdInput,
  ActivityListInput,
  ActivityListOutput,
  ActivityMineInput,
  ActivityMineOutput,
  ActivityOutput,
  ActivityPublishInput,
  ActivityPublishedInput,
  ActivityPublishedOutput,
  ActivityUpdateInput,
  ActivityRecordServedInput,
  ActivityContactOutput,
  EnrollmentOutput,
} from './activity';
import {
  ReportCertificateInput,
  ReportCertificateOutput,
  ReportExportInput,
  ReportExportOutput,
  ReportOrgStatsInput,
  OrgStats,
  ReportRankingInput,
  ReportRankingOutput,
  ReportVerifyCertificateInput,
  ReportVerifyCertificateOutput,
} from './report';
import {
  CheckinAdjustInput,
  CheckinBatchSignOutInput,
  CheckinBatchSignOutOutput,
  CheckinCodeInput,
  CheckinCodeOutput,
  CheckinCorrectionsInput,
  CheckinCorrectionsOutput,
  CheckinMyCodeInput,
  CheckinMyCodeOutput,
  CheckinMyHoursInput,
  CheckinMyHoursOutput,
  CheckinRequestCorrectionInput,
  CheckinReviewCorrectionInput,
  CheckinWalkInInput,
  CheckinWalkInOutput,
  CheckinInviteWalkInInput,
  CheckinInviteWalkInOutput,
  CheckinVolunteerPhoneInput,
  CheckinVolunteerPhoneOutput,
  CheckinRevokeCodesInput,
  CheckinRevokeCodesOutput,
  CheckinRosterInput,
  CheckinRosterOutput,
  CheckinScanInput,
  CheckinScanOutput,
  CheckinScanVolunteerInput,
  CheckinScanVolunteerOutput,
  CorrectionOutput,
  RecordOutput,
  CheckinUndoSignOutInput,
} from './checkin';

/** What one tick of the timer did (cron.tick: timer triggers only, every WeChat caller is refused). */
export const CronTickOutput = z.object({
  ranAt: z.string(),
  jobs: z.array(z.object({ name: z.string(), done: z.number().int(), error: z.string().optional() })),
});
export type CronTickOutput = z.infer<typeof CronTickOutput>;

/** Every cloud function (a key here is a folder cloudfunctions/<fn>/ and an entry of cloudbaserc.json) with its actions. */
export const contract = {
  sms: {
    send: { input: SmsSendInput, output: SmsSendOutput },
    inviteWalkIn: { input: CheckinInviteWalkInInput, output: CheckinInviteWalkInOutput },
  },
  user: {
    register: { input: UserRegisterInput, output: UserRegisterOutput },
    me: { input: Empty, output: UserMeOutput },
    updateProfile: { input: UserUpdateProfileInput, output: VolunteerOutput },
    changePhone: { input: UserChangePhoneInput, output: VolunteerOutput },
    withdraw: { input: UserWithdrawInput, output: UserWithdrawOutput },
    activate: { input: UserActivateInput, output: UserRegisterOutput },
    myData: { input: Empty, output: UserMyDataOutput },
    appealIdentity: { input: UserAppealIdentityInput, output: UserAppealOutput },
    myIdentityAppeals: { input: Empty, output: UserMyAppealsOutput },
    messages: { input: UserMessagesInput, output: UserMessagesOutput },
    readMessages: { input: UserReadMessagesInput, output: UnreadOutput },
    unreadMessages: { input: Empty, output: UnreadOutput },
    home: { input: Empty, output: UserHomeOutput },
  },
  org: {
    bootstrapRoot: { input: OrgBootstrapRootInput, output: OrgBootstrapRootOutput },
    search: { input: OrgSearchInput, output: OrgSearchOutput },
    register: { input: OrgRegisterInput, output: OrgOutput },
    review: { input: OrgReviewInput, output: OrgOutput },
    get: { input: OrgIdInput, output: OrgGetOutput },
    join: { input: OrgIdInput, output: MembershipOutput },
    leave: { input: OrgIdInput, output: MembershipOutput },
    members: { input: OrgMembersInput, output: OrgMembersOutput },
    reviewMember: { input: OrgReviewMemberInput, output: MembershipOutput },
    setRole: { input: OrgSetRoleInput, output: MembershipOutput },
    removeMember: { input: OrgRemoveMemberInput, output: MembershipOutput },
    inbox: { input: Empty, output: OrgInboxOutput },
    managed: { input: Empty, output: OrgManagedOutput },
    importVolunteers: { input: OrgImportVolunteersInput, output: OrgImportVolunteersOutput },
    importTemplate: { input: OrgIdInput, output: FileOutput },
    invitations: { input: Empty, output: OrgInvitationsOutput },
    answerInvitation: { input: OrgAnswerInvitationInput, output: OrgAnswerInvitationOutput },
    identityAppeals: { input: IdentityAppealsInput, output: IdentityAppealsOutput },
    decideIdentityAppeal: { input: DecideIdentityAppealInput, output: DecideIdentityAppealOutput },
    publishNotice: { input: OrgPublishNoticeInput, output: OrgPublishNoticeOutput },
    notices: { input: OrgNoticesInput, output: OrgNoticesOutput },
    notice: { input: OrgNoticeInput, output: OrgNoticeOutput },
  },
  activity: {
    publish: { input: ActivityPublishInput, output: ActivityOutput },
    update: { input: ActivityUpdateInput, output: ActivityOutput },
    cancel: { input: ActivityCancelInput, output: ActivityOutput },
    get: { input: ActivityIdInput, output: ActivityGetOutput },
    list: { input: ActivityListInput, output: ActivityListOutput },
    enroll: { input: ActivityIdInput, output: EnrollmentOutput },
    cancelEnrollment: { input: ActivityIdInput, output: EnrollmentOutput },
    mine: { input: ActivityMineInput, output: ActivityMineOutput },
    published: { input: ActivityPublishedInput, output: ActivityPublishedOutput },
    enrollments: { input: ActivityEnrollmentsInput, output: ActivityEnrollmentsOutput },
    recordServed: { input: ActivityRecordServedInput, output: ActivityOutput },
    contact: { input: ActivityIdInput, output: ActivityContactOutput },
  },
  checkin: {
    code: { input: CheckinCodeInput, output: CheckinCodeOutput },
    revokeCodes: { input: CheckinRevokeCodesInput, output: CheckinRevokeCodesOutput },
    scan: { input: CheckinScanInput, output: CheckinScanOutput },
    myCode: { input: CheckinMyCodeInput, output: CheckinMyCodeOutput },
    scanVolunteer: { input: CheckinScanVolunteerInput, output: CheckinScanVolunteerOutput },
    undoSignOut: { input: CheckinUndoSignOutInput, output: RecordOutput },
    roster: { input: CheckinRosterInput, output: CheckinRosterOutput },
    batchSignOut: { input: CheckinBatchSignOutInput, output: CheckinBatchSignOutOutput },
    adjust: { input: CheckinAdjustInput, output: RecordOutput },
    myHours: { input: CheckinMyHoursInput, output: CheckinMyHoursOutput },
    requestCorrection: { input: CheckinRequestCorrectionInput, output: CorrectionOutput },
    corrections: { input: CheckinCorrectionsInput, output: CheckinCorrectionsOutput },
    reviewCorrection: { input: CheckinReviewCorrectionInput, output: CorrectionOutput },
    walkIn: { input: CheckinWalkInInput, output: CheckinWalkInOutput },
    volunteerPhone: { input: CheckinVolunteerPhoneInput, output: CheckinVolunteerPhoneOutput },
  },
  report: {
    orgStats: { input: ReportOrgStatsInput, output: OrgStats },
    export: { input: ReportExportInput, output: ReportExportOutput },
    certificate: { input: ReportCertificateInput, output: ReportCertificateOutput },
    verifyCertificate: { input: ReportVerifyCertificateInput, output: ReportVerifyCertificateOutput },
    ranking: { input: ReportRankingInput, output: ReportRankingOutput },
  },
  cron: {
    tick: { input: Empty, output: CronTickOutput },
  },
} as const;

export type Contract = typeof contract;
export type FunctionName = keyof Contract;
/** The functions, named once: the emulator's gateway serves these, and a unit test holds cloudbaserc.json (which the build reads) to them. */
export const FUNCTION_NAMES = Object.keys(contract) as FunctionName[];
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
type Entry<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends { input: z.ZodTypeAny; output: z.ZodTypeAny }
  ? Contract[F][A]
  : never;
export type InputOf<F extends FunctionName, A extends ActionName<F>> = z.input<Entry<F, A>['input']>;
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = z.output<Entry<F, A>['output']>;
