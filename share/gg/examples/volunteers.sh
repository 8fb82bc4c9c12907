# SPDX-License-Identifier: Apache-2.0
# November 2026 for gg-volunteer in the demo city (泰州市), told with the tools' own commands in
# the order things happened, each at its own time (GG_NOW): the volunteers of volunteers.yaml,
# four teams, reporting in (双报到) and pledges (亮承诺), hours served earlier in the year, four
# Saturdays of service days with their sign-ups, check-ins, check-outs and a no-show, resident
# orders placed, dispatched, accepted, served and rated, one expired by the cron sweep, one left
# open, and the community workers' verifications. Nothing is read from the wall clock.
#
#   GG_DB=demo.db sh share/gg/examples/volunteers.sh     # after taizhou.yaml and November's tickets
#
# make demo runs it on build/demo.db. It stops at the first command that fails.
set -eu
here=$(dirname "$0")
# demo orders are not news for anyone's on-order-* hooks
unset GG_HOOKS

# v ARGS...: a gg-volunteer command whose output is not needed
v() {
	gg-volunteer "$@" >/dev/null
}

# served ACTIVITY AT VOLUNTEER...: checks them out at AT (HH:MM of the activity's day) and
# prints the ids of the hours ledger's rows written, for the community worker to verify
served() {
	act=$1 at=$2
	shift 2
	gg-volunteer activity checkout "$act" "$@" --at "${day}T$at:00+08:00" -o tsv | tail -n +2 | cut -f9
}

# checkin ACTIVITY AT VOLUNTEER...
checkin() {
	act=$1 at=$2
	shift 2
	v activity checkin "$act" "$@" --at "${day}T$at:00+08:00"
}

# order ARGS...: an order step; prints the order's id
order() {
	gg-volunteer order "$@" -o tsv | tail -n +2 | cut -f1
}

# done_order ID HOURS: the order served; prints the id of its row in the hours ledger
done_order() {
	v order done "$1" --hours "$2"
	gg-volunteer ledger --entry service -o tsv | awk -F '\t' -v o="$1" '$11 == o { id = $1 } END { print id }'
}

export GG_NOW=2026-01-05T09:00:00+08:00
v add --file "$here/volunteers.yaml"
v team add --code T-DJ-ZL --name 东进助老服务队 --kind help_services --community TZ-HL-CZ-01 --leader H0003
v team add --code T-DJ-WH --name 东进文化宣传队 --kind culture --community TZ-HL-CZ-01 --leader B0007
v team add --code T-PZ-TJ --name 坡子街矛盾调处队 --kind mediation --community TZ-HL-CZ-02 --leader H0031
v team add --code T-GL-CS --name 鼓楼慈善公益队 --kind charity --community TZ-HL-CD-01 --leader H0098
v team join T-DJ-ZL H0001 H0003 H0010 H0014 H0019 V0001 B0002
v team join T-DJ-WH H0006 H0012 H0016 B0007
v team join T-PZ-TJ H0031 H0039 H0043 H0045 V0002
v team join T-GL-CS H0093 H0095 H0098 B0094 V0003

# In March the in-service members report in to the community they live in (双报到), all but
# H0016; three make pledges.
export GG_NOW=2026-03-10T09:00:00+08:00
for p in H0001 H0003 H0006 H0010 H0012 H0014 H0019; do
	v report-in $p --community TZ-HL-CZ-01 --on 2026-03-06
done
for p in H0031 H0035 H0039 H0041 H0043 H0045 H0048; do
	v report-in $p --community TZ-HL-CZ-02 --on 2026-03-07
done
for p in H0093 H0095 H0098 H0102 H0104; do
	v report-in $p --community TZ-HL-CD-01 --on 2026-03-09
done
v pledge add --person H0001 --community TZ-HL-CZ-01 --text 每月为独居老人理发一次 --due 2026-12-31
v pledge add --person H0031 --community TZ-HL-CZ-02 --text 每季度开展一次邻里调解讲座 --due 2026-11-15
v pledge add --person H0095 --community TZ-HL-CD-01 --text 为楼栋老人讲解医保新政策 --due 2026-11-20

# Hours served from January to October, logged and verified on 1 November: 黄勇 (H0001) 9.75 a
# month, 97.5 in all, and 王思军 (H0043) 9 a month, 90.
export GG_NOW=2026-11-01T10:00:00+08:00
rows=
for m in 01 02 03 04 05 06 07 08 09 10; do
	rows="$rows $(gg-volunteer log H0001 --hours 9.75 --date 2026-$m-28 --team T-DJ-ZL --note 助老服务 -o tsv | tail -n +2 | cut -f1)"
done
v verify $rows --by C0022
rows=
for m in 01 02 03 04 05 06 07 08 09 10; do
	rows="$rows $(gg-volunteer log H0043 --hours 9 --date 2026-$m-21 --note 义诊 -o tsv | tail -n +2 | cut -f1)"
done
v verify $rows --by C0057

# Saturday 7 November: 东进社区's help team in the morning (activity 1), 鼓楼社区's charity
# sale in the afternoon (2).
export GG_NOW=2026-11-02T09:00:00+08:00
v activity add --community TZ-HL-CZ-01 --date 2026-11-07 --hours 09:00-11:30 --capacity 8 \
	--kind help_services --team T-DJ-ZL --title 周六助老服务
v activity add --community TZ-HL-CD-01 --date 2026-11-07 --hours 14:00-16:30 --capacity 6 \
	--kind charity --team T-GL-CS --title 爱心义卖
export GG_NOW=2026-11-04T20:00:00+08:00
v activity signup 1 H0001 H0003 H0010 H0014 H0019 V0001
v activity signup 2 H0093 H0095 H0098 B0094 V0003
day=2026-11-07 GG_NOW=2026-11-07T17:00:00+08:00
checkin 1 08:50 H0001 H0003 H0014 V0001
checkin 1 09:20 H0010 H0019
checkin 2 13:55 H0093 H0095 H0098 B0094 V0003
cz01=$(served 1 11:30 H0001 H0003 H0014 V0001 H0010 H0019)
cd01=$(served 2 16:30 H0093 H0095 H0098 B0094 V0003)

# A resident's order from November's ticket 30 (楼道堆放杂物): placed, dispatched, accepted, served.
export GG_NOW=2026-11-09T14:00:00+08:00
v verify $cz01 --by C0022
v verify $cd01 --by C0118
o=$(order new --ticket 30)
v order dispatch $o --to B0002 V0001
export GG_NOW=2026-11-09T14:30:00+08:00
v order accept $o --by V0001
export GG_NOW=2026-11-10T11:00:00+08:00
r=$(done_order $o 1)
v order rate $o --rating 5
v verify $r --by C0023

# Saturday 14 November: 坡子街社区's mediation day (3), 东进社区's culture team (4).
export GG_NOW=2026-11-10T15:00:00+08:00
v activity add --community TZ-HL-CZ-02 --date 2026-11-14 --hours 09:00-11:00 --capacity 6 \
	--kind mediation --team T-PZ-TJ --title 邻里调解日
v activity add --community TZ-HL-CZ-01 --date 2026-11-14 --hours 09:00-11:30 --capacity 6 \
	--kind culture --team T-DJ-WH --title 政策宣讲进楼栋
export GG_NOW=2026-11-12T19:00:00+08:00
v activity signup 3 H0031 H0039 H0043 H0045 V0002
v activity signup 4 H0006 H0012 H0016 B0007
day=2026-11-14 GG_NOW=2026-11-14T12:00:00+08:00
checkin 3 08:55 H0031 H0039 H0043 H0045 V0002
checkin 4 09:00 H0006 H0012 H0016 B0007
cz02=$(served 3 11:00 H0031 H0039 H0043 H0045 V0002)
cz01=$(served 4 11:30 H0006 H0012 H0016 B0007)
v pledge done 2 --on 2026-11-14

# A resident's own order (陪同就医), and 东进社区's verifications of the 14th.
export GG_NOW=2026-11-16T10:00:00+08:00
v verify $cz02 --by C0057
v verify $cz01 --by C0022
o=$(order new --community TZ-HL-CZ-01 --grid TZ-HL-CZ-01-G02 --requester-name 张大爷 \
	--requester-phone 13912345678 --need escort --title 陪同就医 --wanted 2026-11-18T08:30:00+08:00)
export GG_NOW=2026-11-16T10:30:00+08:00
v order dispatch $o --to H0010 H0001 H0003
export GG_NOW=2026-11-16T11:00:00+08:00
v order accept $o --by H0010
export GG_NOW=2026-11-18T12:00:00+08:00
r=$(done_order $o 3)
v order rate $o --rating 5
v verify $r --by C0024

# Saturday 21 November: 坡子街社区 cleans up (5), 鼓楼社区 cuts the elderly's hair (6), where
# 范春磊 (H0104) signed up and never came.
export GG_NOW=2026-11-17T09:00:00+08:00
v activity add --community TZ-HL-CZ-02 --date 2026-11-21 --hours 08:30-11:30 --capacity 10 \
	--kind help_services --title 环境整治
v activity add --community TZ-HL-CD-01 --date 2026-11-21 --hours 09:00-11:30 --capacity 6 \
	--kind help_services --title 助老义剪
export GG_NOW=2026-11-19T20:00:00+08:00
v activity signup 5 H0035 H0041 H0045 H0048 B0036 B0040
v activity signup 6 H0098 H0102 H0104 B0094
day=2026-11-21 GG_NOW=2026-11-21T12:00:00+08:00
checkin 5 08:30 H0035 H0041 H0048 B0036 B0040
checkin 5 09:10 H0045
checkin 6 08:50 H0098 H0102 B0094
v activity noshow 6 H0104
cz02=$(served 5 11:30 H0035 H0041 H0045 H0048 B0036 B0040)
cd01=$(served 6 11:15 H0098 H0102 B0094)

# An order from ticket 15 (独居老人需要帮助), dispatched to three; 高艳春 (H0098) takes it.
export GG_NOW=2026-11-22T16:00:00+08:00
o=$(order new --ticket 15)
export GG_NOW=2026-11-22T16:20:00+08:00
v order dispatch $o --to H0098 B0094 V0003
export GG_NOW=2026-11-22T16:40:00+08:00
v order accept $o --by H0098
export GG_NOW=2026-11-23T10:00:00+08:00
v verify $cz02 --by C0058
v verify $cd01 --by C0119
export GG_NOW=2026-11-23T17:00:00+08:00
r=$(done_order $o 2)
v order rate $o --rating 4
v verify $r --by C0119

# The last week: a resident's order nobody takes, which the cron sweep expires once its time
# has passed; Saturday's service days, 东进社区's help team again (7) and 坡子街社区's rehearsal
# (8); an order from ticket 9 (楼上漏水邻里纠纷) for 坡子街社区's mediators. B0002 withdraws the
# day before.
export GG_NOW=2026-11-24T09:00:00+08:00
lx=$(order new --community TZ-HL-CZ-02 --grid TZ-HL-CZ-02-G03 --requester-name 李奶奶 \
	--requester-phone 13852601234 --need digital --title 教用手机预约挂号 --wanted 2026-11-26T15:00:00+08:00)
v order dispatch $lx --to H0048 H0035
export GG_NOW=2026-11-24T10:00:00+08:00
v activity add --community TZ-HL-CZ-01 --date 2026-11-28 --hours 09:00-11:30 --capacity 10 \
	--kind help_services --team T-DJ-ZL --title 周六助老服务
v activity add --community TZ-HL-CZ-02 --date 2026-11-28 --hours 14:00-16:30 --capacity 8 \
	--kind culture --title 文艺汇演排练
export GG_NOW=2026-11-25T11:00:00+08:00
o=$(order new --ticket 9)
v order dispatch $o --to H0031 V0002 H0019
export GG_NOW=2026-11-25T11:30:00+08:00
v order accept $o --by H0031
export GG_NOW=2026-11-26T20:00:00+08:00
v activity signup 7 H0001 H0003 H0006 H0012 H0014 H0019 V0001 B0002
v activity signup 8 H0035 H0039 H0048 B0040
export GG_NOW=2026-11-27T00:15:00+08:00
v order expire --due
export GG_NOW=2026-11-27T18:00:00+08:00
v activity cancel 7 B0002
day=2026-11-28 GG_NOW=2026-11-28T17:00:00+08:00
checkin 7 08:55 H0001 H0003 H0006 H0012 H0019 V0001
checkin 7 10:00 H0014
checkin 8 14:00 H0035 H0039 H0048 B0040
cz01=$(served 7 11:30 H0001 H0003 H0006 H0012 H0014 H0019 V0001)
served 8 16:30 H0035 H0039 H0048 B0040 >/dev/null
export GG_NOW=2026-11-28T17:30:00+08:00
r=$(done_order $o 1.5)
v order rate $o --rating 5

# Monday 30 November: 东进社区 verifies Saturday's hours and 坡子街社区 the mediation (not yet
# the rehearsal); a resident places an order for next Saturday, still open.
export GG_NOW=2026-11-30T10:00:00+08:00
v verify $cz01 --by C0022
v verify $r --by C0057
v order new --community TZ-HL-CZ-01 --grid TZ-HL-CZ-01-G01 --requester-name 王阿姨 \
	--requester-phone 13962345678 --need elderly_care --title 陪同老伴复诊 --wanted 2026-12-05T09:00:00+08:00
