// The map function.action -> {input, output}: it types the client and validates both ends.
import { z } from 'zod';
import { Empty } from './common';
import { SmsSendInput, SmsSendOutput } from './sms';
import { UserActivateInput, UserChangePhoneInput, UserMeOutput, UserRegisterInput, UserRegisterOutput, UserUpdateProfileInput, UserWithdrawInput, UserWithdrawOutput, VolunteerOutput } from './user';
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
} from './org';

export const contract = {
  sms: {
    send: { input: SmsSendInput, output: SmsSendOutput },
  },
  user: {
    register: { input: UserRegisterInput, output: UserRegisterOutput },
    me: { input: Empty, output: UserMeOutput },
    updateProfile: { input: UserUpdateProfileInput, output: VolunteerOutput },
    changePhone: { input: UserChangePhoneInput, output: VolunteerOutput },
    withdraw: { input: UserWithdrawInput, output: UserWithdrawOutput },
    activate: { input: UserActivateInput, output: UserRegisterOutput },
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
  },
  activity: {},
  checkin: {},
  report: {},
} as const;

export type Contract = typeof contract;
export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
type Entry<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends { input: z.ZodTypeAny; output: z.ZodTypeAny }
  ? Contract[F][A]
  : never;
export type InputOf<F extends FunctionName, A extends ActionName<F>> = z.input<Entry<F, A>['input']>;
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = z.output<Entry<F, A>['output']>;
