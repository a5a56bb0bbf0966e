/**
 * Passwords too common to allow, compared without regard to case. Compiled by hand for OneMap
 * from the most-used passwords in widely published lists (the top entries of the SecLists
 * "Common-Credentials" lists and the yearly "most common passwords" reports) and the weak
 * passwords Chinese 等保 assessments and office IT habitually flag (Admin@123, P@ssw0rd,
 * 1qaz2wsx, keyboard walks, pinyin with a year). No file was copied. Short entries stay in the
 * list although the length rule refuses them anyway: the list says what it is, not what passes.
 */
const LIST = `
123456 123456789 12345678 1234567890 12345 1234567 password password1 password123 passw0rd p@ssw0rd p@ssword
p@ssw0rd1 p@ssw0rd123 p@ssw0rd! p@$$w0rd p@55w0rd pa$$word pa$$w0rd passw0rd! passw0rd1 password! password1!
password@123 password#123 password123! password1234 password12345 password2023 password2024 password2025 password2026
qwerty qwerty123 qwerty1234 qwerty12345 qwertyuiop qwerty@123 qwerty!@# qwerty123! qwerty123456 qwer1234 qwer@1234
qwer!@#$ qwer1234! qwer1234!@#$ qweasd qweasdzxc qweasdzxc123 qweasd123 qwe123 qwe123!@# qwe!@#123 qwe123qwe
asdf1234 asdfghjkl asdf@1234 asd123 asdasd123 zxcvbnm zxcvbnm123 zxc123 zxcvbn 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y
1q2w3e 1q2w3e4r! 1q2w3e4r5t! 1qaz2wsx 1qaz2wsx3edc 1qaz2wsx3edc4rfv 1qaz@wsx 1qaz@wsx3edc 1qaz!qaz 1qaz@2wsx
1qaz2wsx! 1qaz2wsx@ 1qaz2wsx#edc !qaz2wsx !qaz@wsx !qaz@wsx#edc !qaz2wsx3edc zaq12wsx zaq1@wsx zaq!2wsx xsw2zaq1
2wsx3edc 3edc4rfv 1qazxsw2 qazwsx qazwsx123 qazwsxedc qazwsxedc123 qaz123 qaz123456 qaz!@#123 q1w2e3r4 q1w2e3r4t5
a1b2c3d4 a1b2c3d4e5 abc123 abc12345 abc123456 abcd1234 abcd@1234 abcd1234! abc@123 abc@1234 abc!@#123 abcdefg
abcdefgh abcdef123 aa123456 aa12345678 a123456 a12345678 a123456789 a1234567890 aa112233 a11111111 qq123456
admin admin123 admin1234 admin12345 admin123456 admin@123 admin@1234 admin@12345 admin@123456 admin#123 admin!123
admin123! admin123!@# admin@2020 admin@2021 admin@2022 admin@2023 admin@2024 admin@2025 admin@2026 admin888
admin@888 admin666 admin@666 administrator administrator1 administrator@123 adminadmin adminadmin123 root root123
root@123 root1234 root@1234 root!@# root@2024 toor system system123 system@123 sysadmin sysadmin123 manager
manager123 manager@123 test test123 test1234 test@123 test@1234 testtest guest guest123 user user123 user@123
demo demo123 demo@123 changeme changeme123 welcome welcome1 welcome123 welcome@123 welcome1! letmein letmein123
letmein! iloveyou iloveyou1 iloveyou123 monkey dragon master master123 sunshine princess football baseball
superman batman trustno1 shadow michael jennifer jordan23 starwars whatever freedom ninja mustang hunter2
111111 1111111 11111111 111111111 1111111111 000000 00000000 0000000000 123123 123123123 123321 654321 666666
888888 88888888 123654 112233 121212 123qwe 123qwe!@# 123qweasd 123qweasdzxc 123abc 123456a 123456aa 123456abc
123456qwe 123456789a 123456789q 1234567890q 1234qwer 1234qwer! 1234abcd 1234abcd! 12345qwert 12qwaszx 12qwaszx!
147258369 159357 159753 147258 258369 741852963 963852741 789456123 789456 456123 520520 5201314 52013140
1314520 13145200 woaini woaini123 woaini1314 woaini520 iloveyou520 aini1314 wo123456 woshishui nihao nihao123
nihao123456 zhang123 zhangsan zhangsan123 wang123 wangwei wangwei123 li123456 liu123456 chen123456 yang123456
huang123 zhao123456 pinyin123 beijing beijing123 beijing2008 shanghai shanghai123 fujian fujian123 quanzhou
quanzhou123 jinjiang jinjiang123 jinjiang@123 xiamen123 fuzhou123 china china123 china@123 zhongguo zhongguo123
zhonghua zhonghua123 aaaaaa aaaaaaaa abcabc abcabc123 aaa111 aaa123 a1a1a1a1 q1q1q1q1 1a2b3c4d 1a2b3c 1q1q1q1q
zxcv1234 zxcvbnm! zxcv@1234 asdfghjkl; qwertyuiop[] !@#$%^&* !@#$%^ !@#$%^&*() 1!2@3#4$ 1!2@3#4$5% 1234!@#$
12345!@#$% 123!@# 123!@#qwe !@#123 !@#123qwe !@#qwe123 ~!@#$%^&* p@ssword1 p@ssword123 pass1234 pass@123
pass@1234 pass@word1 passw0rd@123 password@1 password@2024 password@2025 password@2026 passwd passwd123 pass123
secret secret123 secret@123 security security123 security@123 server server123 server@123 oracle oracle123
mysql mysql123 postgres postgres123 postgres@123 database database123 huawei huawei123 huawei@123 h3c h3c@123
cisco cisco123 cisco@123 ruijie ruijie@123 sangfor sangfor@123 topsec talent talent123 nsfocus nsfocus123
venus venus123 legend legend123 dell dell123 lenovo lenovo123 hello hello123 hello@123 hello1234 helloworld
helloworld123 hello@world 1q2w3e4r@ 1q2w3e4r@# 1qaz2wsx@#$ 1qaz@WSX#EDC qaz@123 qaz@1234 qaz!123 Aa123456
Aa12345678 Aa123456789 Aa@123456 Aa@12345678 Aa123456! Aa1234567890 Ab123456 Abc123456 Abc@123 Abc@1234
Abc@12345 Abc@123456 Abc!123 Abc123! Abc123!@# Abcd1234 Abcd@1234 Abcd1234! Abcd@123 Admin@123 Admin@1234
Admin@12345 Admin@123456 Admin123! Admin123 Admin12345 Admin!123 Admin#123 Admin@2024 Admin@2025 Admin@2026
P@ssw0rd P@ssw0rd1 P@ssw0rd123 P@ssw0rd! P@ssword1 P@ssword123 P@55w0rd Passw0rd Passw0rd! Passw0rd1
Passw0rd@123 Password1 Password1! Password123 Password123! Password@123 Password@1 Password@2024 Password@2025
Password@2026 Qwer1234 Qwer@1234 Qwer1234! Qwerty123 Qwerty@123 Qwerty123! Qwe123!@# Root@123 Root@1234
Test@123 Test@1234 Test1234 Welcome1 Welcome@123 Welcome123 Welcome123! Changeme1 Changeme123 Huawei@123
Huawei12#$ Huawei@1234 Sangfor@123 Ruijie@123 Cisco@123 Hello@123 Hello123 Zxcv1234 Zxcvbnm123 Asdf1234
Asdf@1234 Qaz123456 Qaz@123456 Qazwsx123 Qazwsx@123 Zaq12wsx Zaq1@wsx Zaq!2wsx 1Qaz2wsx 1Qaz@wsx 1qaz@WSX
1QAZ2wsx !QAZ2wsx !QAZ2wsx3edc 1qaz2wsx3edc! Sys@123 Sys@1234 Sysadmin@123 System@123 System123 Manager@123
Oracle@123 Mysql@123 Server@123 Admin@888 Admin888 Admin@666 Jinjiang@123 Quanzhou@123 Fujian@123 Beijing@123
Beijing2008 China@123 China123 Zhongguo@123 Woaini1314 Woaini@1314 Woaini520 Iloveyou1 Iloveyou! Iloveyou123
Letmein1 Letmein123 Letmein! Football1 Baseball1 Superman1 Dragon123 Monkey123 Master@123 Sunshine1
Princess1 Michael1 Jordan23 Starwars1 Qwertyuiop1 Qwertyuiop! Abcdefg123 Abcdefg1 Abcdefgh1 Abc123456789
Onemap@123 Onemap123 onemap onemap123 onemap@123 onemap@2025 onemap@2026 Demo@123 Demo123! Guest@123 User@123
User@1234 Test@12345 Password1234 Password12345 1234567890a 1234567890! 0123456789 9876543210 987654321
1234509876 0987654321 qazxswedc qazxswedcvfr wsxedcrfv edcrfvtgb asdfqwer asdfqwer1234 qwerasdf qwerasdf1234
zxcvasdfqwer poiuytrewq mnbvcxz lkjhgfdsa 5tgb6yhn 6yhn7ujm 2wsx#edc 3edc$rfv 4rfv5tgb zaq1xsw2cde3
zaq1zaq1 xsw2xsw2 1qaz1qaz 2wsx2wsx !QAZ1qaz 1qaz!QAZ 1qaz!QAZ2wsx@WSX
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  LIST.split(/\s+/)
    .filter(Boolean)
    .map((p) => p.toLowerCase()),
);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.trim().toLowerCase());
}
