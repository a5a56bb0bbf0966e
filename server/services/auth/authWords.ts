/**
 * What signing in, passwords, accounts and wall tokens refuse with, in both languages (the
 * Chinese is the official wording, unchanged). The errors carry these (shared/language/said.ts)
 * and the request's answer says them in the reader's language.
 */
import { said } from '../../../shared/language/said.ts';
import type { Permission } from './roles.ts';

const PERMISSION_EN: Record<Permission, string> = {
  read: 'View',
  export: 'Export',
  edit: 'Edit records',
  accounts: 'Account management',
  audit: 'Audit viewing',
  business: 'Business management',
  supervise: 'Supervision',
};

export const AUTH_WORDS = {
  signInFirst: said('请先登录', 'Please sign in first'),
  changeInitialPassword: said('请先修改管理员设置的初始密码', 'Please first change the password the administrator set'),
  changeInitialPasswordShort: said('请先修改初始密码', 'Please first change your initial password'),
  needsPermission: (permission: Permission, name: string) =>
    said(`无权执行此操作（需要“${name}”权限）`, `Not allowed (needs the “${PERMISSION_EN[permission]}” permission)`),
  wrongCredentials: said('用户名或密码错误', 'Wrong user name or password'),
  tooManyLogins: (minutes: number) =>
    said(`登录失败次数过多，请 ${minutes} 分钟后再试`, `Too many failed sign-ins; try again in ${minutes} minutes`),
  passwordTooShort: (n: number) => said(`密码至少 ${n} 个字符`, `The password needs at least ${n} characters`),
  passwordTooLong: (n: number) => said(`密码不能超过 ${n} 个字符`, `The password may have at most ${n} characters`),
  passwordKinds: (n: number) =>
    said(
      `密码须包含大写字母、小写字母、数字、符号中的至少 ${n} 种`,
      `The password needs at least ${n} of: capital letters, small letters, digits, symbols`,
    ),
  passwordHasName: said('密码不能包含用户名', 'The password must not contain the user name'),
  passwordCommon: said('密码过于常见，请换一个', 'This password is too common; please choose another'),
  onlySignedInChange: said('只有登录的用户可以修改密码', 'Only a signed-in person can change a password'),
  noSuchAccount: said('账号不存在', 'No such account'),
  oldPasswordWrong: said('原密码不正确', 'The current password is wrong'),
  samePassword: said('新密码不能与原密码相同', 'The new password must differ from the current one'),
  noUser: (username: string) => said(`没有用户 "${username}"`, `No user "${username}"`),
  accountInvalid: said('账号信息有误', 'Invalid account details'),
  staffNeedsTownship: said('镇街工作人员须指定所属镇街', 'Township staff need a township'),
  onlyStaffHaveTownship: said('只有镇街工作人员需要指定镇街', 'Only township staff have a township'),
  usernameTaken: (username: string) =>
    said(`用户名 "${username}" 已存在`, `The user name "${username}" is already taken`),
  cannotDisableSelf: said('不能停用自己的账号', 'You cannot disable your own account'),
  lastAccountsAdmin: (username: string) =>
    said(
      `不能停用 ${username}：它是最后一个可管理账号的启用账号`,
      `Cannot disable ${username}: it is the last enabled account that can manage accounts`,
    ),
  tokenDays: (max: number) =>
    said(`有效天数应为 1–${max} 的整数`, `The number of days must be a whole number from 1 to ${max}`),
  tokenDateFormat: said('到期日应为 YYYY-MM-DD 格式的真实日期', 'The expiry date must be a real date, YYYY-MM-DD'),
  tokenDatePast: said('到期日须晚于今天', 'The expiry date must be after today'),
  tokenDateTooLate: (max: number, last: string) =>
    said(`到期日最多为 ${max} 天之后（${last}）`, `The expiry date may be at most ${max} days away (${last})`),
  tokenName: said('大屏名称应为 1–60 个字符', 'The wall name must have 1 to 60 characters'),
  noToken: (id: number) => said(`没有有效的大屏令牌 #${id}`, `No valid wall token #${id}`),
};
